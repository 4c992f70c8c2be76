-- The promise ledger: a re-commitment that a pause made automatically (the case waited for the
-- customer) remembers when the pause began, so it counts as made in time when that was before
-- the due in force.
ALTER TABLE commitments ADD COLUMN pause_from timestamptz;
