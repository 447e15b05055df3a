package io.candor.agent;

import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations with the AI agent: the channel adapters (portal chat, two-way SMS, voice) post what they hear. */
@RestController
class AgentApi {

    /**
     * A conversation with an account's debtor on a channel: OUTBOUND (Candor calls or texts; the default for VOICE and
     * SMS) passes the contact gate, INBOUND (the debtor wrote or called; always so for CHAT) is answered.
     */
    record NewConversation(UUID account, @Nullable String channel, Conversations.@Nullable Direction direction) {
    }

    /** What the debtor said. */
    record NewTurn(String text) {
    }

    private final Conversations conversations;
    private final VoiceTurns voice;

    AgentApi(Conversations conversations, VoiceTurns voice) {
        this.conversations = conversations;
        this.voice = voice;
    }

    /** A spoken turn: the debtor's words as WAV in, what was heard, the conversation and the spoken reply out. */
    @PostMapping(path = "/api/v1/agent/conversations/{id}/voice-turns", consumes = "audio/wav")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR')")
    VoiceTurns.Result voiceTurn(@PathVariable UUID id, @RequestBody byte[] wav) {
        return voice.turn(id, wav, CurrentUser.get());
    }

    @PostMapping("/api/v1/agent/conversations")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR')")
    ResponseEntity<Conversations.View> start(@RequestBody NewConversation c) {
        ConversationChannel channel = c.channel() == null ? ConversationChannel.CHAT : ConversationChannel.of(c.channel());
        Conversations.Direction direction = c.direction() != null ? c.direction()
                : channel == ConversationChannel.CHAT ? Conversations.Direction.INBOUND : Conversations.Direction.OUTBOUND;
        return ResponseEntity.status(201).body(conversations.start(c.account(), channel, direction, CurrentUser.get()));
    }

    @PostMapping("/api/v1/agent/conversations/{id}/turns")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR')")
    Conversations.View turn(@PathVariable UUID id, @RequestBody NewTurn t) {
        return conversations.turn(id, t.text() == null ? "" : t.text(), CurrentUser.get());
    }

    /** The conversations handed to people (or in another state), newest first, with their transcripts. */
    @GetMapping("/api/v1/agent/conversations")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<Conversations.View> inState(
            @RequestParam(defaultValue = "HANDED_OVER") String state) {
        return conversations.inState(ConversationState.of(state));
    }

    @GetMapping("/api/v1/agent/conversations/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    Conversations.View one(@PathVariable UUID id) {
        return conversations.view(id);
    }
}
