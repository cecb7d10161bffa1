package data

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Crawl state buckets.
var (
	bucketCrawlPages    = []byte("crawl_pages")    // canonical URL -> PageState JSON
	bucketCrawlFrontier = []byte("crawl_frontier") // big-endian seq -> FrontierItem JSON, FIFO
	bucketCrawlSeen     = []byte("crawl_seen")     // canonical URL -> run (8 bytes) that queued it last
	bucketCrawlMeta     = []byte("crawl_meta")     // "run" -> current run number
)

// crawlBuckets are the buckets the crawler's state lives in; Open creates
// them. See the crawl state methods in this file.
var crawlBuckets = [][]byte{bucketCrawlPages, bucketCrawlFrontier, bucketCrawlSeen, bucketCrawlMeta}

// Kinds of crawled pages, as recorded in PageState.Kind.
const (
	PageArticle = "article" // an article was extracted and stored
	PageListing = "listing" // a page whose links were followed
	PageError   = "error"   // fetching failed for good (4xx, 5xx after retries, too large, …)
	PageSkipped = "skipped" // not fetched: robots.txt, not HTML, …
)

// PageState is what the crawler remembers about one URL between runs.
type PageState struct {
	URL          string    `json:"url"`
	Kind         string    `json:"kind"`
	Status       int       `json:"status,omitempty"` // HTTP status of the last fetch
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	BodyHash     string    `json:"body_hash,omitempty"` // sha256 of the raw body
	ArticleID    string    `json:"article_id,omitempty"`
	FetchedAt    time.Time `json:"fetched_at"`
	Run          uint64    `json:"run"`
	Err          string    `json:"err,omitempty"`
}

// FrontierItem is a URL waiting to be fetched. Depth is carried here rather
// than by colly, whose queue forgets it.
type FrontierItem struct {
	Seq      uint64 `json:"-"` // position in the frontier, set by the store
	URL      string `json:"url"`
	Depth    int    `json:"depth"`
	Referrer string `json:"ref,omitempty"`
}

// PageCommit records that the frontier item Seq was processed: its state is
// stored, its newly found links are queued and the item leaves the frontier,
// all in one transaction so that a crash leaves either all or nothing.
type PageCommit struct {
	Seq   uint64
	State *PageState // nil: no state to record
	Links []FrontierItem
}

// BeginCrawl returns the crawl run to work on. When the frontier still holds
// URLs (an interrupted or page-limited run), that run is resumed; otherwise
// a new run starts, so that listing pages are fetched again.
func (s *Store) BeginCrawl() (run uint64, resumed bool, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketCrawlMeta)
		if v := meta.Get([]byte("run")); len(v) == 8 {
			run = binary.BigEndian.Uint64(v)
		}
		if k, _ := tx.Bucket(bucketCrawlFrontier).Cursor().First(); k != nil && run > 0 {
			resumed = true
			return nil
		}
		run++
		return meta.Put([]byte("run"), u64(run))
	})
	if err != nil {
		return 0, false, fmt.Errorf("begin crawl: %w", err)
	}
	return run, resumed, nil
}

// Enqueue adds the items not yet queued in this run to the end of the
// frontier and returns how many it added.
func (s *Store) Enqueue(run uint64, items []FrontierItem) (int, error) {
	var added int
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		added, err = enqueue(tx, run, items)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	return added, nil
}

func enqueue(tx *bolt.Tx, run uint64, items []FrontierItem) (int, error) {
	seen := tx.Bucket(bucketCrawlSeen)
	fr := tx.Bucket(bucketCrawlFrontier)
	added := 0
	for _, it := range items {
		key := []byte(it.URL)
		if len(key) == 0 || len(key) > bolt.MaxKeySize {
			continue
		}
		if v := seen.Get(key); len(v) == 8 && binary.BigEndian.Uint64(v) == run {
			continue
		}
		if err := seen.Put(key, u64(run)); err != nil {
			return added, err
		}
		seq, err := fr.NextSequence()
		if err != nil {
			return added, err
		}
		buf, err := json.Marshal(it)
		if err != nil {
			return added, err
		}
		if err := fr.Put(u64(seq), buf); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}

// FrontierAfter returns up to n frontier items with a sequence number above
// after, in queue order.
func (s *Store) FrontierAfter(after uint64, n int) ([]FrontierItem, error) {
	var items []FrontierItem
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketCrawlFrontier).Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil && len(items) < n; k, v = c.Next() {
			var it FrontierItem
			if err := json.Unmarshal(v, &it); err != nil {
				return fmt.Errorf("frontier item %x: %w", k, err)
			}
			it.Seq = binary.BigEndian.Uint64(k)
			items = append(items, it)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("frontier: %w", err)
	}
	return items, nil
}

// FrontierLen returns the number of URLs waiting in the frontier.
func (s *Store) FrontierLen() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketCrawlFrontier).Stats().KeyN
		return nil
	})
	return n, err
}

// ClearFrontier drops every queued URL, so the next crawl starts a new run.
func (s *Store) ClearFrontier() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketCrawlFrontier); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketCrawlFrontier)
		return err
	})
}

// CommitPages applies page commits in one transaction and returns how many
// new URLs were queued.
func (s *Store) CommitPages(run uint64, commits []PageCommit) (int, error) {
	var added int
	err := s.db.Update(func(tx *bolt.Tx) error {
		fr := tx.Bucket(bucketCrawlFrontier)
		pages := tx.Bucket(bucketCrawlPages)
		for _, c := range commits {
			if c.State != nil {
				buf, err := json.Marshal(c.State)
				if err != nil {
					return err
				}
				if k := []byte(c.State.URL); len(k) > 0 && len(k) <= bolt.MaxKeySize {
					if err := pages.Put(k, buf); err != nil {
						return err
					}
				}
			}
			n, err := enqueue(tx, run, c.Links)
			if err != nil {
				return err
			}
			added += n
			if err := fr.Delete(u64(c.Seq)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("commit crawl state: %w", err)
	}
	return added, nil
}

// PageState returns what is known about a URL (canonical form), or ErrNotFound.
func (s *Store) PageState(url string) (*PageState, error) {
	var ps PageState
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketCrawlPages).Get([]byte(url))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &ps)
	})
	if err != nil {
		return nil, fmt.Errorf("page state %s: %w", url, err)
	}
	return &ps, nil
}

// PageStateCount returns the number of URLs with a recorded state.
func (s *Store) PageStateCount() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketCrawlPages).Stats().KeyN
		return nil
	})
	return n, err
}

func u64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}
