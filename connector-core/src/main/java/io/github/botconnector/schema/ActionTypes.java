package io.github.botconnector.schema;

/** Card action type values ({@link CardAction#type()}). Plain strings, so values the SDK does not know still parse. */
public final class ActionTypes {

    /** {@code openUrl} */
    public static final String OPEN_URL = "openUrl";

    /** {@code imBack} */
    public static final String IM_BACK = "imBack";

    /** {@code postBack} */
    public static final String POST_BACK = "postBack";

    /** {@code messageBack} */
    public static final String MESSAGE_BACK = "messageBack";

    /** {@code playAudio} */
    public static final String PLAY_AUDIO = "playAudio";

    /** {@code playVideo} */
    public static final String PLAY_VIDEO = "playVideo";

    /** {@code showImage} */
    public static final String SHOW_IMAGE = "showImage";

    /** {@code downloadFile} */
    public static final String DOWNLOAD_FILE = "downloadFile";

    /** {@code signin} */
    public static final String SIGNIN = "signin";

    /** {@code call} */
    public static final String CALL = "call";

    private ActionTypes() {
    }
}
