// JobMatchServer
