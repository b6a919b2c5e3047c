package io.github.botconnector.broadcast.store;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/** The in-memory store of {@link ConversationReferenceStore#inMemory()}. */
final class InMemoryReferenceStore implements ConversationReferenceStore {

    private final ConcurrentMap<String, StoredReference> entries = new ConcurrentHashMap<>();

    @Override
    public boolean save(StoredReference entry) {
        Objects.requireNonNull(entry, "entry");
        boolean[] created = {false};
        entries.compute(entry.conversationId(), (id, old) -> {
            created[0] = old == null;
            return old == null ? entry : old.refreshedBy(entry);
        });
        return created[0];
    }

    @Override
    public boolean remove(String conversationId) {
        String id = StoredReference.baseConversationId(conversationId);
        return id != null && entries.remove(id) != null;
    }

    @Override
    public int removeTeam(String teamId) {
        List<StoredReference> team = findByTeam(teamId);
        team.forEach(e -> entries.remove(e.conversationId(), e));
        return team.size();
    }

    @Override
    public Optional<StoredReference> find(String conversationId) {
        String id = StoredReference.baseConversationId(conversationId);
        return id == null ? Optional.empty() : Optional.ofNullable(entries.get(id));
    }

    @Override
    public List<StoredReference> findByTenant(String tenantId) {
        return where(e -> Objects.equals(tenantId, e.tenantId()));
    }

    @Override
    public List<StoredReference> findByUser(String userIdOrAadObjectId) {
        return where(e -> userIdOrAadObjectId != null && (userIdOrAadObjectId.equals(e.userId())
                || userIdOrAadObjectId.equalsIgnoreCase(e.userAadObjectId())));
    }

    @Override
    public List<StoredReference> findByTeam(String teamId) {
        return where(e -> teamId != null && teamId.equals(e.teamId()));
    }

    @Override
    public List<StoredReference> findAll() {
        return where(e -> true);
    }

    @Override
    public int count() {
        return entries.size();
    }

    private List<StoredReference> where(Predicate<StoredReference> filter) {
        return entries.values().stream().filter(filter)
                .sorted(Comparator.comparing(StoredReference::conversationId)).toList();
    }

    @Override
    public String toString() {
        return "InMemoryReferenceStore[conversations=" + entries.size() + "]";
    }
}
