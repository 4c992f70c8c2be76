-- What customers buy, so that Ombud can show what a complaint's handling is worth: their orders,
-- their subscriptions' starts, renewals and cancellations, and whom they referred. Each row comes
-- from the org's own systems, by the bulk API or an import, and carries that system's id: a
-- re-sent row updates the one it names instead of adding another. Amounts are in the currency's
-- minor unit (đồng for VND, cents for USD).

CREATE TABLE orders (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  customer_id uuid NOT NULL,
  ordered_at timestamptz NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The channel or store it was bought in, as the org names it ("web", "Cửa hàng Quận 1").
  channel text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_id),
  FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id) ON DELETE CASCADE
);
CREATE INDEX orders_customer_idx ON orders (org_id, customer_id, ordered_at);
CREATE INDEX orders_time_idx ON orders (org_id, ordered_at);

CREATE TABLE subscription_events (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  customer_id uuid NOT NULL,
  -- The subscription in the org's system: its events start, renew and cancel it.
  subscription_ref text NOT NULL CHECK (length(subscription_ref) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('start', 'renew', 'cancel')),
  plan text,
  amount_minor bigint CHECK (amount_minor >= 0),
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_id),
  CHECK ((amount_minor IS NULL) = (currency IS NULL)),
  FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id) ON DELETE CASCADE
);
CREATE INDEX subscription_events_customer_idx
  ON subscription_events (org_id, customer_id, occurred_at);

CREATE TABLE referrals (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  referrer_customer_id uuid NOT NULL,
  referred_customer_id uuid NOT NULL,
  referred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_id),
  CHECK (referrer_customer_id <> referred_customer_id),
  FOREIGN KEY (org_id, referrer_customer_id) REFERENCES customers (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, referred_customer_id) REFERENCES customers (org_id, id) ON DELETE CASCADE
);
CREATE INDEX referrals_referrer_idx ON referrals (org_id, referrer_customer_id, referred_at);
