-- Win-back: customers who left after a complaint, in a call queue. A customer enters when,
-- within the last M months of a complaint, they cancelled a subscription and did not start or
-- renew one again, or they placed no order in the N days after the complaint. The queue is
-- filled when it is read (a deterministic insert, one entry per customer and complaint), so no
-- timer has to run for it to be right.

CREATE TABLE win_back_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  -- N: days after a complaint without an order before the customer enters the queue.
  no_order_days integer NOT NULL DEFAULT 60 CHECK (no_order_days BETWEEN 1 AND 730),
  -- M: only customers whose complaint was first contacted in the last M months.
  complaint_months integer NOT NULL DEFAULT 6 CHECK (complaint_months BETWEEN 1 AND 36),
  -- Days from entering the queue to the first call's due date.
  due_days integer NOT NULL DEFAULT 3 CHECK (due_days BETWEEN 0 AND 90),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE win_back_entries (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  -- The customer's latest complaint in the last M months when they entered.
  complaint_id uuid NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('cancelled', 'no_order')),
  -- When the customer left: the cancellation, or the complaint's first contact + N days.
  triggered_at timestamptz NOT NULL,
  owner_id uuid,
  due_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  note text CHECK (length(note) <= 5000),
  outcome text CHECK (outcome IN ('won_back', 'declined', 'unreachable', 'not_a_fit', 'do_not_contact')),
  outcome_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, customer_id, complaint_id),
  CHECK ((outcome IS NULL) = (outcome_at IS NULL)),
  FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id)
);
CREATE INDEX win_back_entries_open_idx ON win_back_entries (org_id, due_at) WHERE outcome IS NULL;
