package io.github.botconnector.schema;

/** Attachment layout values ({@link Activity#attachmentLayout()}). Plain strings, so values the SDK does not know still parse. */
public final class AttachmentLayoutTypes {

    /** {@code list} */
    public static final String LIST = "list";

    /** {@code carousel} */
    public static final String CAROUSEL = "carousel";

    private AttachmentLayoutTypes() {
    }
}
