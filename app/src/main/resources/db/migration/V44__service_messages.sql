-- Service messages: a message about a case the debtor opened (a complaint's acknowledgement, its final response) is
-- not a collection contact. The gate lets it through the holds that only pause collection and the collection caps do
-- not count it, so each contact and each message records why it was made.
ALTER TABLE contact_event ADD COLUMN purpose text NOT NULL DEFAULT 'COLLECTION'
    CHECK (purpose IN ('COLLECTION', 'ANSWER', 'SERVICE'));
ALTER TABLE outbound_message ADD COLUMN purpose text NOT NULL DEFAULT 'COLLECTION'
    CHECK (purpose IN ('COLLECTION', 'ANSWER', 'SERVICE'));
-- A complaint's final response as sent: the message that carried it, on which channel, and when it went out.
ALTER TABLE complaint_case ADD COLUMN response_message uuid;
ALTER TABLE complaint_case ADD COLUMN response_channel text CHECK (response_channel IN ('LETTER', 'EMAIL'));
ALTER TABLE complaint_case ADD COLUMN response_sent_at timestamptz;
