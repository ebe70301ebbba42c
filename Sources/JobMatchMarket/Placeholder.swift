// JobMatchMarket
