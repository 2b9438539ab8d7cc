package org.featureworkbench.api.server;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * A request's headers as {@link org.featureworkbench.api.ApiRequest} wants them (values by lower-case
 * name, in the order received), read from Jetty's fields only when asked: an unsigned GetRecord
 * looks at one header or none, so copying all of an SDK's ten or so per request was wasted work.
 * Looking a name up reads Jetty's fields directly; walking the entries copies them once.
 * Read-only; used by one request's thread at a time.
 */
final class RequestHeaders extends AbstractMap<String, List<String>> {
    private final HttpFields fields;
    private Map<String, List<String>> copy;

    RequestHeaders(HttpFields fields) {
        this.fields = fields;
    }

    @Override
    public List<String> get(Object name) {
        if (!(name instanceof String text)) {
            return null;
        }
        List<String> values = fields.getValuesList(text);
        return values.isEmpty() ? null : Collections.unmodifiableList(values);
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String text && fields.contains(text);
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        if (copy == null) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (HttpField field : fields) {
                all.computeIfAbsent(field.getLowerCaseName(), n -> new ArrayList<>(1)).add(field.getValue());
            }
            copy = Collections.unmodifiableMap(all);
        }
        return copy.entrySet();
    }
}
