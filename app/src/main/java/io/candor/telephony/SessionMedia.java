package io.candor.telephony;

import io.candor.telephony.media.Sdp;

/** A media session as a SIP call's media; {@code answered} runs when the answer starts it. */
record SessionMedia(MediaSession session, Runnable answered) implements SipCall.Media {

    @Override
    public int localPort() {
        return session.localPort();
    }

    @Override
    public void start(Sdp.Answer answer) {
        session.start(answer);
        answered.run();
    }

    @Override
    public void close() {
        session.close();
    }
}
