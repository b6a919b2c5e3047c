package io.github.botconnector.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.schema.JsonModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The one JSON mapper of the SDK and its conventions: unknown members kept by the models, nulls omitted on output,
 * floating point numbers kept exactly ({@code BigDecimal}), timestamps with or without fractional seconds and with
 * any offset. Not public API.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A repeated member is refused rather than "last one wins": dropping one silently is not lossless, and a
            // parser in front of the bot may have read the other one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .addModule(new SimpleModule("bot-connector-time")
                    .addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer())
                    .addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer()))
            .build();

    /** A model's memoized UTF-8 JSON; set by {@link JsonModel} when its class is initialized. */
    private static volatile Function<JsonModel, byte[]> modelBytes;

    private Json() {
    }

    /**
     * Readers of small fixed shapes that skip the mapper, by model class; set by the model classes when initialized.
     * Each returns {@code null} for JSON that is not exactly its shape, which the mapper then reads as usual.
     */
    private static final Map<Class<?>, Function<byte[], ?>> SHAPE_READERS = new ConcurrentHashMap<>();

    /**
     * Lets {@link #readShape} read {@code type} with {@code reader} (a model class registers its own, see
     * {@link #onlyStringMember}); {@code reader} must give what the mapper gives for the JSON it accepts.
     */
    public static <T> void setShapeReader(Class<T> type, Function<byte[], T> reader) {
        SHAPE_READERS.putIfAbsent(type, reader);
    }

    /**
     * {@code json} read as {@code type} without the mapper when {@code type} has a shape reader and the JSON is of its
     * shape; otherwise {@code null} (read it with the mapper).
     */
    public static Object readShape(Class<?> type, byte[] json) {
        Function<byte[], ?> reader = SHAPE_READERS.get(type);
        return reader == null || json == null ? null : reader.apply(json);
    }

    /**
     * The value of {@code name} when {@code json} is an object with that one member, a string of printable ASCII
     * without escapes ({@code {"id":"1:abc"}}, JSON whitespace allowed around the tokens); {@code null} for anything
     * else, including other members, escapes, non-ASCII text or a byte order mark. {@code name} is plain ASCII.
     */
    public static String onlyStringMember(byte[] json, String name) {
        int i = skipSpace(json, 0);
        if (i >= json.length || json[i] != '{') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length || json[i] != '"' || i + name.length() + 1 >= json.length) {
            return null;
        }
        for (int k = 0; k < name.length(); k++) {
            if (json[i + 1 + k] != name.charAt(k)) {
                return null;
            }
        }
        i += name.length() + 1;
        if (json[i] != '"') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length || json[i] != ':') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length || json[i] != '"') {
            return null;
        }
        int start = i + 1;
        int end = start;
        while (end < json.length && json[end] != '"') {
            byte b = json[end];
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return null;
            }
            end++;
        }
        if (end >= json.length) {
            return null;
        }
        i = skipSpace(json, end + 1);
        if (i >= json.length || json[i] != '}' || skipSpace(json, i + 1) != json.length) {
            return null;
        }
        return new String(json, start, end - start, StandardCharsets.US_ASCII);
    }

    private static int skipSpace(byte[] json, int from) {
        int i = from;
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Wires {@link #writeBytes(Object)} to the models' memoized UTF-8 JSON; called once by {@link JsonModel}. */
    public static void setModelBytes(Function<JsonModel, byte[]> accessor) {
        if (modelBytes != null) {
            throw new IllegalStateException("accessor already set");
        }
        modelBytes = accessor;
    }

    /** The shared, fully configured mapper. Never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses {@code json} as a JSON object of type {@code type}.
     *
     * @throws JsonFormatException when the text is not JSON, is not an object, or does not fit the type
     */
    public static <T> T parseObject(String json, Class<T> type) {
        if (json == null) {
            throw new JsonFormatException("Cannot parse " + type.getSimpleName() + ": the JSON text is null", "$");
        }
        return parse(MAPPER.readerFor(type), json, type);
    }

    /** Like {@link #parseObject(String, Class)} for a byte stream (UTF-8/16/32 detected by Jackson). */
    public static <T> T parseObject(InputStream json, Class<T> type) {
        try {
            T value = MAPPER.readerFor(type).readValue(json);
            return requireObject(value, type);
        } catch (IOException e) {
            throw translate(e, type);
        }
    }

    /** Parses a JSON array of {@code elementType}. */
    public static <T> List<T> parseList(String json, Class<T> elementType) {
        ObjectReader reader = MAPPER.readerFor(MAPPER.getTypeFactory().constructCollectionType(List.class, elementType));
        return parse(reader, json, elementType);
    }

    private static <T> T parse(ObjectReader reader, String json, Class<?> type) {
        try {
            T value = reader.readValue(json);
            return requireObject(value, type);
        } catch (IOException e) {
            throw translate(e, type);
        }
    }

    private static <T> T requireObject(T value, Class<?> type) {
        if (value == null) {
            throw new JsonFormatException("Cannot parse " + type.getSimpleName() + ": the JSON value is null, expected an object", "$");
        }
        return value;
    }

    /** Serializes a model (or any value) to compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Serializes a value to UTF-8 bytes. For a model these are its memoized JSON, computed on the first call and
     * shared by every later one: the caller must not modify the array.
     */
    public static byte[] writeBytes(Object value) {
        if (value instanceof JsonModel model) {
            return modelBytes.apply(model);
        }
        return writeUtf8(value);
    }

    /**
     * {@code object}, the UTF-8 JSON of an object, with {@code members} added after its own: a {@code String} value
     * written as a JSON string, any other value as {@link #writeBytes(Object)} (a model's memoized JSON). The object's
     * bytes are copied, not parsed or serialized again, so the same object sent to many addresses is serialized once.
     * The caller makes sure that no name of {@code members} is a member of {@code object} already.
     */
    public static byte[] withMembers(byte[] object, Map<String, Object> members) {
        int open = 0;
        while (open < object.length && object[open] != '{') {
            open++;
        }
        int close = object.length - 1;
        while (close > open && object[close] != '}') {
            close--;
        }
        if (close <= open) {
            throw new IllegalArgumentException("not a JSON object");
        }
        boolean empty = true;
        for (int i = open + 1; i < close && empty; i++) {
            byte b = object[i];
            empty = b == ' ' || b == '\n' || b == '\r' || b == '\t';
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(object.length + 512);
        out.write(object, 0, close);
        JsonStringEncoder strings = JsonStringEncoder.getInstance();
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (!empty) {
                out.write(',');
            }
            empty = false;
            out.write('"');
            out.writeBytes(strings.quoteAsUTF8(member.getKey()));
            out.write('"');
            out.write(':');
            if (member.getValue() instanceof String text) {
                out.write('"');
                out.writeBytes(strings.quoteAsUTF8(text));
                out.write('"');
            } else {
                out.writeBytes(writeBytes(member.getValue()));
            }
        }
        out.write('}');
        return out.toByteArray();
    }

    /** Serializes a value (a model included, without using its memoized JSON) to UTF-8 bytes. */
    public static byte[] writeUtf8(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a free-form value (maps, lists, POJOs) to {@code type}. */
    public static <T> T convert(Object value, Class<T> type) {
        try {
            return MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw translate(io, type);
            }
            throw new JsonFormatException("Cannot convert to " + type.getSimpleName() + ": " + e.getMessage(), "$", e);
        }
    }

    /** Reads any JSON text to a tree; used by tests and by lenient error-body parsing. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw translate(e, JsonNode.class);
        }
    }

    static JsonFormatException translate(IOException e, Class<?> type) {
        String path = "$";
        String detail = e.getMessage();
        if (e instanceof JsonMappingException jme) {
            path = pathOf(jme.getPath());
            detail = jme.getOriginalMessage();
            if (jme instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                detail = mismatch(mie);
            }
        } else if (e instanceof JsonProcessingException jpe) {
            detail = jpe.getOriginalMessage();
        }
        if (detail != null && detail.startsWith("Duplicate field '") && detail.indexOf('\'', 17) > 17) {
            String member = detail.substring("Duplicate field '".length(), detail.indexOf('\'', 17));
            detail = "member '" + member + "' appears twice in one object; a JSON object must name each member"
                    + " once (which one counts is ambiguous), so keep only the intended '" + member + "'";
        }
        if (detail != null) {
            int nl = detail.indexOf('\n');
            if (nl > 0) {
                detail = detail.substring(0, nl);
            }
        }
        String where = "$".equals(path) ? "" : " at " + path;
        String location = "";
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
            location = " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
        }
        return new JsonFormatException("Invalid " + type.getSimpleName() + " JSON" + where + location + ": " + detail, path, e);
    }

    /** "expected a JSON object (ConversationAccount), got a string": the SDK's words, not Jackson's builder names. */
    private static String mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target.getEnclosingClass() != null && target.getSimpleName().equals("Builder")) {
            target = target.getEnclosingClass();
        }
        String expected;
        if (JsonModel.class.isAssignableFrom(target) || Map.class.isAssignableFrom(target)) {
            expected = "a JSON object (" + target.getSimpleName() + ")";
        } else if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            expected = "a JSON array";
        } else if (target == String.class) {
            expected = "a string";
        } else if (target == OffsetDateTime.class) {
            expected = "an ISO-8601 timestamp string";
        } else if (target == Boolean.class || target == boolean.class) {
            expected = "true or false";
        } else if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            expected = "a number";
        } else {
            expected = "a value of type " + target.getSimpleName();
        }
        JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
        String got = token != null ? describe(token) : describe(e.getOriginalMessage());
        return "expected " + expected + ", got " + got;
    }

    /** What Jackson's message says it found: "... from String value ...", "... from Array value ...". */
    private static String describe(String jacksonMessage) {
        Matcher m = FOUND.matcher(jacksonMessage == null ? "" : jacksonMessage);
        if (!m.find()) {
            return "something else";
        }
        switch (m.group(1)) {
            case "String":
                return "a string";
            case "Array":
                return "an array";
            case "Object":
                return "an object";
            case "Boolean":
                return "a boolean";
            case "Null":
                return "null";
            default:
                return "a number";
        }
    }

    private static final Pattern FOUND = Pattern.compile(
            "from (String|Array|Object|Integer|Floating-point|Boolean|Null) value");

    private static String describe(JsonToken token) {
        if (token == null) {
            return "something else";
        }
        switch (token) {
            case START_OBJECT:
            case END_OBJECT:
            case FIELD_NAME:
                return "an object";
            case START_ARRAY:
            case END_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return "something else";
        }
    }

    static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Writes timestamps as ISO-8601 with their own offset ({@code Z} for UTC). */
    static final class OffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    /**
     * Reads ISO-8601 timestamps with 0 to 9 fractional digits, {@code Z} or an offset with or without a colon
     * ({@code +05:30}, {@code +0530}, {@code +05}); no offset means UTC.
     */
    static final class OffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {

        /** ISO-8601 basic-format offsets ({@code +0530}, {@code +05}), which some clients write. */
        private static final DateTimeFormatter BASIC_OFFSET = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .toFormatter(Locale.ROOT);

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            return parseTimestamp(text, ctxt);
        }

        private static OffsetDateTime parseTimestamp(String text, DeserializationContext ctxt) throws IOException {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException withOffset) {
                try {
                    return OffsetDateTime.parse(text, BASIC_OFFSET);
                } catch (DateTimeParseException basicOffset) {
                    // no offset at all: handled below
                }
                try {
                    return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException withoutOffset) {
                    return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                            "expected an ISO-8601 timestamp such as 2026-01-15T12:00:00.123Z or 2026-01-15T13:00:00+01:00");
                }
            }
        }
    }

}
