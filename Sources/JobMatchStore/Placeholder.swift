// JobMatchStore
