package io.candor.agent;

import java.util.Base64;
import java.util.UUID;

import io.candor.agent.speech.Speech;
import io.candor.platform.Actor;
import io.candor.platform.Failures;
import io.candor.platform.web.BadRequestException;
import org.springframework.stereotype.Service;

/** A spoken turn: recognised, answered like a written one, and the answer spoken back. */
@Service
class VoiceTurns {

    /** What was heard, the conversation after the turn, and the reply as WAV (base64). */
    public record Result(String heard, Conversations.View conversation, String replyWav) {
    }

    private final Conversations conversations;
    private final Speech speech;

    VoiceTurns(Conversations conversations, Speech speech) {
        this.conversations = conversations;
        this.speech = speech;
    }

    public Result turn(UUID id, byte[] wav, Actor by) {
        String locale = conversations.view(id).locale();
        String heard;
        try {
            heard = speech.recognize(wav, locale);
        } catch (Speech.Unavailable e) {
            throw new BadRequestException(Failures.messageOf(e));
        }
        if (heard.isBlank()) {
            throw new BadRequestException("Nothing was recognised in the recording; send 16-bit PCM WAV of the "
                    + "debtor's words.");
        }
        Conversations.View view = conversations.turn(id, heard, by);
        String reply = view.turns().getLast().reply();
        return new Result(heard, view, Base64.getEncoder().encodeToString(speech.synthesize(reply, locale)));
    }
}
