package io.github.botconnector.apichecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of every README compiles against the published modules. A fragment of statements
 * becomes a method body and a fragment of members a class body, in a subclass of {@link SnippetContext} (which
 * declares what the snippets take as given); a block with its own class is compiled as it is. A block is skipped
 * only when the line before it says why: {@code <!-- snippet: skip (the reason) -->}.
 */
class ReadmeSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n([\\s\\S]*?)^```");
    private static final Pattern SKIP = Pattern.compile("<!-- snippet: skip \\((.+)\\) -->\\s*$");
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("(?m)^(?:public |final |abstract )*(?:class|record|interface|enum) (\\w+)");
    private static final Pattern MEMBER =
            Pattern.compile("(?m)^(@\\w+|(public |protected |private |static |final )*void \\w+\\()");

    static final String IMPORTS = """
            import io.github.botconnector.*;
            import io.github.botconnector.auth.*;
            import io.github.botconnector.exception.*;
            import io.github.botconnector.schema.*;
            import io.github.botconnector.teams.*;
            import io.github.botconnector.teams.messages.*;
            import io.github.botconnector.broadcast.*;
            import io.github.botconnector.broadcast.store.*;
            import io.github.botconnector.testing.*;
            import io.github.botconnector.testsupport.*;
            import io.github.botconnector.spring.*;
            import io.github.botconnector.apichecks.SnippetContext;
            import java.nio.file.*;
            import java.time.*;
            import java.util.*;
            import org.junit.jupiter.api.*;
            import org.junit.jupiter.api.extension.*;
            import org.springframework.context.event.EventListener;
            import org.springframework.web.bind.annotation.*;
            import static org.junit.jupiter.api.Assertions.*;
            """;

    /** One block: where it is and the source it compiles as. */
    record Snippet(Path readme, int line, String className, String source, int firstLine, String skipReason) {
    }

    @Test
    void everyReadmeJavaSnippetCompiles(@TempDir Path out) throws IOException {
        Path root = PublishedModules.load().root();
        List<Snippet> snippets = snippets(root);
        assertTrue(snippets.size() > 10, "README snippets found: " + snippets.size());
        List<JavaFileObject> sources = new ArrayList<>();
        for (Snippet s : snippets) {
            if (s.skipReason() == null) {
                sources.add(new Source(s.className(), s.source()));
            }
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-implicit:none", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path"));
        compiler.getTask(null, null, diagnostics, options, null, sources).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(where(root, snippets, d) + ": " + d.getMessage(Locale.ROOT));
            }
        }
        assertEquals(List.of(), errors, () -> "README snippets that do not compile:\n" + String.join("\n", errors));
    }

    @Test
    void aSkippedSnippetSaysWhy() throws IOException {
        for (Snippet s : snippets(PublishedModules.load().root())) {
            assertTrue(s.skipReason() == null || !s.skipReason().isBlank(), s.readme() + ":" + s.line());
        }
    }

    static List<Snippet> snippets(Path root) throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (Path readme : readmes(root)) {
            String text = Files.readString(readme).replace("\r\n", "\n");
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = lineOf(text, m.start(1));
                String before = text.substring(0, m.start()).stripTrailing();
                Matcher skip = SKIP.matcher(before.substring(before.lastIndexOf('\n') + 1));
                String name = "Snippet" + snippets.size();
                snippets.add(wrap(readme, line, name, m.group(1), skip.find() ? skip.group(1) : null));
            }
        }
        return snippets;
    }

    private static Snippet wrap(Path readme, int line, String name, String code, String skipReason) {
        if (code.contains("\nimport ") || code.startsWith("import ")) {
            String className = TYPE_DECLARATION.matcher(code).find() ? declaredName(code) : name;
            return new Snippet(readme, line, className, code, 1, skipReason);
        }
        if (TYPE_DECLARATION.matcher(code).find()) {
            String header = "package snippets;\n" + IMPORTS;
            return new Snippet(readme, line, "snippets." + declaredName(code), header + code, lines(header) + 1,
                    skipReason);
        }
        String header = "package snippets;\n" + IMPORTS + "class " + name + " extends SnippetContext {\n";
        if (MEMBER.matcher(code).find()) {
            return new Snippet(readme, line, "snippets." + name, header + code + "}\n", lines(header) + 1, skipReason);
        }
        header += "void snippet() throws Exception {\n";
        return new Snippet(readme, line, "snippets." + name, header + code + "}\n}\n", lines(header) + 1, skipReason);
    }

    private static String declaredName(String code) {
        Matcher m = TYPE_DECLARATION.matcher(code);
        return m.find() ? m.group(1) : "Unnamed";
    }

    private static List<Path> readmes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals("README.md"))
                    .filter(f -> root.relativize(f).toString().split("/").length <= 2)   // root and module READMEs
                    .sorted()
                    .toList();
        }
    }

    private static String where(Path root, List<Snippet> snippets, Diagnostic<? extends JavaFileObject> d) {
        for (Snippet s : snippets) {
            String file = "/" + s.className().replace('.', '/') + ".java";
            if (d.getSource() != null && d.getSource().getName().endsWith(file)) {
                long line = s.line() + Math.max(0, d.getLineNumber() - s.firstLine());   // the wrapper: first line
                return root.relativize(s.readme()) + ":" + line;
            }
        }
        return String.valueOf(d.getSource());
    }

    private static int lineOf(String text, int offset) {
        return lines(text.substring(0, offset)) + 1;
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** A source file held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
