package io.github.botconnector.spring;

import io.github.botconnector.schema.JsonModel;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Reads and writes the SDK's models ({@code Activity}, {@code ConversationReference} and every other
 * {@link JsonModel}) with the SDK's own JSON mapping, whatever Jackson version the application uses: unknown members
 * kept, timestamps with their offsets, no nulls written. The starter puts it first among Spring MVC's converters, so
 * {@code @RequestBody Activity activity} works on Jackson 2 (Spring Boot 3) and Jackson 3 (Spring Boot 4) alike.
 */
public class BotConnectorHttpMessageConverter extends AbstractHttpMessageConverter<Object> {

    private final Map<Class<?>, Method> readers = new ConcurrentHashMap<>();

    /** A converter for {@code application/json} and {@code application/*+json}. */
    public BotConnectorHttpMessageConverter() {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return JsonModel.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return mediaType == null || super.canRead(mediaType);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        String json = new String(inputMessage.getBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return reader(clazz).invoke(null, json);
        } catch (InvocationTargetException e) {
            throw new HttpMessageNotReadableException("Could not read " + clazz.getSimpleName() + ": "
                    + e.getCause().getMessage(), e.getCause(), inputMessage);
        } catch (IllegalAccessException e) {
            throw new HttpMessageNotReadableException(clazz.getName() + ".fromJson is not accessible", e,
                    inputMessage);
        }
    }

    @Override
    protected void writeInternal(Object model, HttpOutputMessage outputMessage) throws IOException {
        outputMessage.getBody().write(((JsonModel) model).toJson().getBytes(StandardCharsets.UTF_8));
    }

    private Method reader(Class<?> clazz) {
        return readers.computeIfAbsent(clazz, c -> {
            try {
                Method m = c.getMethod("fromJson", String.class);
                if (!Modifier.isStatic(m.getModifiers()) || !c.isAssignableFrom(m.getReturnType())) {
                    throw new IllegalArgumentException(c.getName() + " has no static fromJson(String)");
                }
                return m;
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(c.getName() + " has no static fromJson(String); bind a concrete"
                        + " model type such as Activity", e);
            }
        });
    }
}
