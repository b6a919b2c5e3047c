package io.github.botconnector.broadcast.store;

/** The store contract on the in-memory store. */
class InMemoryReferenceStoreTest extends ReferenceStoreContract {

    @Override
    ConversationReferenceStore newEmptyStore() {
        return ConversationReferenceStore.inMemory();
    }
}
