-- The AI voice agent on a call talks by keypad (no local recogniser for Chinese): a conversation's input is WORDS
-- (typed or spoken and recognised) or KEYS; a call names the conversation it carried; a call answered by the right
-- party who proved it is VERIFIED; digits keyed to prove who the debtor is are kept only as 'x'.
ALTER TABLE agent_conversation ADD COLUMN input text NOT NULL DEFAULT 'WORDS' CHECK (input IN ('WORDS', 'KEYS'));
ALTER TABLE call ADD COLUMN conversation_id uuid;
ALTER TABLE call DROP CONSTRAINT call_outcome_check;
ALTER TABLE call ADD CONSTRAINT call_outcome_check
    CHECK (outcome IN ('VERIFIED', 'ANSWERED', 'VOICEMAIL', 'NO_ANSWER', 'BUSY', 'DECLINED', 'FAILED'));
ALTER TABLE call DROP CONSTRAINT call_dtmf_check;
ALTER TABLE call ADD CONSTRAINT call_dtmf_check CHECK (dtmf ~ '^[0-9*#A-Dx]*$');
