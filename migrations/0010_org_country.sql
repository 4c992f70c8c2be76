-- The org's country (ISO 3166-1 alpha-2): a phone number written without a country code is read
-- as one of its numbers, and numbers of that country are shown in its national format. Every
-- org so far is Vietnamese.
ALTER TABLE orgs ADD COLUMN country text NOT NULL DEFAULT 'VN' CHECK (country ~ '^[A-Z]{2}$');
