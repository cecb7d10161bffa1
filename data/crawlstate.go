package data

// crawlBuckets are the buckets the crawler's state lives in; Open creates
// them. See the crawl state methods in this file.
var crawlBuckets = [][]byte{}
