package io.candor.platform.money;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Money in JSON as a decimal string and a currency code. */
@JacksonComponent
class MoneyJson extends ValueSerializer<Money> {

    @Override
    public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeStartObject();
        gen.writeStringProperty("amount", value.amount().toPlainString());
        gen.writeStringProperty("currency", value.currency().getCurrencyCode());
        gen.writeEndObject();
    }
}
