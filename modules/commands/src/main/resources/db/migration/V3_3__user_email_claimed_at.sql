-- A claim older than eskit.users.claim-timeout whose owner's stream has no events is a leftover of a
-- registration that failed after claiming: the next claimant takes it over.
ALTER TABLE user_email ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP;
