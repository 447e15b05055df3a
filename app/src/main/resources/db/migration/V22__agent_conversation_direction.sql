-- Who started a conversation (issue 17): one Candor starts (OUTBOUND) passed the contact gate and names the contact
-- event the gate reserved, whose outcome the conversation records; one the debtor starts (INBOUND: a text, a portal
-- chat, a call in) is answered, under a hold without collecting.
ALTER TABLE agent_conversation ADD COLUMN direction text NOT NULL DEFAULT 'OUTBOUND'
    CHECK (direction IN ('OUTBOUND', 'INBOUND'));
ALTER TABLE agent_conversation ADD COLUMN contact_event_id uuid;
UPDATE agent_conversation SET direction = 'INBOUND' WHERE channel = 'CHAT';
