package org.trainingsuite.platform.web;

import java.math.BigDecimal;
import java.util.function.Function;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read strictly, so that a bad value is a 400 naming its field instead of a silent
 * change, a 409 or a 500 further in: a fraction for an integer field is refused (not cut to an integer),
 * and every text, date and decimal value must pass {@link InputRules}. The field is named by the path
 * Jackson records ({@link ProblemDetailsAdvice}).
 */
final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        SimpleModule module = new SimpleModule("platform-strict-input");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                if (type == String.class) {
                    return new Checked(deserializer, value -> InputRules.textProblem((String) value));
                }
                if (type == BigDecimal.class) {
                    return new Checked(deserializer, value -> InputRules.decimalProblem((BigDecimal) value));
                }
                if (type.getPackageName().equals("java.time")) {
                    return new Checked(deserializer, InputRules::dateProblem);
                }
                return deserializer;
            }
        });
        builder.addModule(module);
    }

    /** Reads with the usual deserializer, then refuses a value that breaks a rule. */
    private static final class Checked extends DelegatingDeserializer {

        private final Function<Object, String> rule;

        Checked(ValueDeserializer<?> delegate, Function<Object, String> rule) {
            super(delegate);
            this.rule = rule;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, rule);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            String problem = value == null ? null : rule.apply(value);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, value, handledType());
            }
            return value;
        }
    }
}
