-- The promise ledger: a re-commitment that a pause made automatically (the case waited for the
-- customer) remembers when the pause began, so it counts as made in time when that was before
-- the due in force.
ALTER TABLE commitments ADD COLUMN pause_from timestamptz;

-- Whether a pause moves a committed due (then the due is re-committed automatically and the
-- customer told), and whether sending the read-back waits for the customer (pausing the
-- clocks the policy pauses). Both visible choices of a policy.
ALTER TABLE sla_policies ADD COLUMN pause_moves_commitment boolean NOT NULL DEFAULT true,
  ADD COLUMN pause_on_readback boolean NOT NULL DEFAULT true;
