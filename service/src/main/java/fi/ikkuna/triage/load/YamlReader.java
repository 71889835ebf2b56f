package fi.ikkuna.triage.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.ikkuna.triage.RuleLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into {@link YamlNode}s with line numbers. Streaming instead of data binding because
 * Jackson's tree model drops locations, and staff need the line of every mistake, not only syntax ones.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    public static YamlNode read(Path file) {
        try (JsonParser p = FACTORY.createParser(Files.newBufferedReader(file))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlNode(file, 1, Map.of());
            }
            return value(file, p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RuleLoadException(file, line, "YAML syntax: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleLoadException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static YamlNode value(Path file, JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (map.containsKey(key)) {
                    throw new RuleLoadException(file, keyLine, "duplicate key '" + key + "'");
                }
                map.put(key, value(file, p));
            }
            return new YamlNode(file, line, map);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(file, p));
            }
            return new YamlNode(file, line, list);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode(file, line, null);
        }
        return new YamlNode(file, line, p.getText());
    }
}
