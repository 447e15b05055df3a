-- A collector records that the debtor complained on the call: the disposition opens a complaint case.
ALTER TABLE contact_disposition DROP CONSTRAINT contact_disposition_code_check;
ALTER TABLE contact_disposition ADD CONSTRAINT contact_disposition_code_check
    CHECK (code IN ('PROMISE', 'PLAN', 'PAID', 'CALLBACK', 'REFUSAL', 'DISPUTE', 'HARDSHIP', 'COMPLAINT',
                    'RIGHT_PARTY_OTHER', 'THIRD_PARTY', 'WRONG_NUMBER', 'NO_ANSWER', 'BUSY', 'VOICEMAIL'));
