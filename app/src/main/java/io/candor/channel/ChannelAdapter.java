package io.candor.channel;

import io.candor.compliance.Channel;

/** Speaks one provider protocol for one channel. Never called except by {@link Sends}, after the gate. */
public interface ChannelAdapter {

    Channel channel();

    Delivery send(OutboundMessage message, Providers.Provider provider);
}
