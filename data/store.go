package data

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Errors returned by the store.
var (
	ErrNotFound = errors.New("not found")
	// ErrLocked means another process holds the data dir.
	ErrLocked = errors.New("data dir is in use by another meetscan process")
)

// Bucket names. Keys are article ids unless said otherwise.
var (
	bucketArticles = []byte("articles")
	bucketAnalyses = []byte("analyses")
	bucketByURL    = []byte("by_url")  // canonical URL -> article id
	bucketByHash   = []byte("by_hash") // content hash -> article id
	bucketMeta     = []byte("meta")    // free-form settings (index version, …)
	// bucketPending holds the ids of articles stored but not yet analysed
	// and indexed, so a process killed in between can finish the work.
	bucketPending = []byte("pending")
)

// DBFile is the name of the store's database file inside the data dir.
const DBFile = "meetscan.db"

// Store is the on-disk article store: articles, their analyses, crawl state
// and settings in one bbolt file, raw captures in WARC files beside it.
// It is safe for concurrent use; only one process may open a data dir.
type Store struct {
	dir string
	db  *bolt.DB
}

// Open opens (creating if needed) the store in dir. It fails at once with
// ErrLocked when another process has the store open.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path := filepath.Join(dir, DBFile)
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 500 * time.Millisecond})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: %w", dir, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets() {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{dir: dir, db: db}, nil
}

func allBuckets() [][]byte {
	return append([][]byte{bucketArticles, bucketAnalyses, bucketByURL, bucketByHash, bucketMeta, bucketPending}, crawlBuckets...)
}

// Dir returns the data dir.
func (s *Store) Dir() string { return s.dir }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// PutStatus says what PutArticles did with an article.
type PutStatus int

const (
	Added     PutStatus = iota // a new article
	Unchanged                  // same URL, same content: nothing written
	Updated                    // same URL, new content: replaced
	Duplicate                  // same content as a stored article under another URL: not stored again
)

func (p PutStatus) String() string {
	switch p {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	case Updated:
		return "updated"
	case Duplicate:
		return "duplicate"
	}
	return fmt.Sprintf("PutStatus(%d)", int(p))
}

// PutArticle stores one article; see PutArticles.
func (s *Store) PutArticle(a *Article) (PutStatus, error) {
	st, err := s.PutArticles([]*Article{a})
	if err != nil {
		return 0, err
	}
	return st[0], nil
}

// PutArticles normalises and stores articles in one transaction, recognising
// an article already stored under the same URL or with the same content.
// For a Duplicate, a.ID is set to the id of the stored article. Added and
// Updated articles are marked pending until their analysis is stored.
func (s *Store) PutArticles(arts []*Article) ([]PutStatus, error) {
	status := make([]PutStatus, len(arts))
	err := s.db.Update(func(tx *bolt.Tx) error {
		articles := tx.Bucket(bucketArticles)
		byURL := tx.Bucket(bucketByURL)
		byHash := tx.Bucket(bucketByHash)
		for i, a := range arts {
			a.Normalize()
			if a.Title == "" && a.Body == "" {
				return fmt.Errorf("put article %s: empty title and body", a.URL)
			}
			if id := byHash.Get([]byte(a.ContentHash)); id != nil && string(id) != a.ID {
				if a.URL != "" && byURL.Get([]byte(a.URL)) == nil {
					if err := byURL.Put([]byte(a.URL), id); err != nil {
						return err
					}
				}
				a.ID = string(id)
				status[i] = Duplicate
				continue
			}
			if a.URL != "" {
				if id := byURL.Get([]byte(a.URL)); id != nil {
					a.ID = string(id)
				}
			}
			if old := articles.Get([]byte(a.ID)); old != nil {
				var prev Article
				if err := json.Unmarshal(old, &prev); err != nil {
					return fmt.Errorf("put article %s: stored record: %w", a.ID, err)
				}
				if prev.ContentHash == a.ContentHash {
					status[i] = Unchanged
					continue
				}
				if err := byHash.Delete([]byte(prev.ContentHash)); err != nil {
					return err
				}
				status[i] = Updated
			} else {
				status[i] = Added
			}
			buf, err := json.Marshal(a)
			if err != nil {
				return fmt.Errorf("put article %s: %w", a.ID, err)
			}
			if err := articles.Put([]byte(a.ID), buf); err != nil {
				return err
			}
			if err := byHash.Put([]byte(a.ContentHash), []byte(a.ID)); err != nil {
				return err
			}
			if err := tx.Bucket(bucketPending).Put([]byte(a.ID), nil); err != nil {
				return err
			}
			if a.URL != "" {
				if err := byURL.Put([]byte(a.URL), []byte(a.ID)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return status, nil
}

// Article returns the article with the given id, or ErrNotFound.
func (s *Store) Article(id string) (*Article, error) {
	var a Article
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketArticles).Get([]byte(id))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &a)
	})
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return &a, nil
}

// ArticleIDByURL returns the id stored for a URL (in any spelling that
// canonicalises the same), or ErrNotFound.
func (s *Store) ArticleIDByURL(rawURL string) (string, error) {
	var id string
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketByURL).Get([]byte(CanonicalURL(rawURL)))
		if v == nil {
			return ErrNotFound
		}
		id = string(v)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("article at %s: %w", rawURL, err)
	}
	return id, nil
}

// Count returns the number of stored articles.
func (s *Store) Count() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketArticles).Stats().KeyN
		return nil
	})
	return n, err
}

// PutAnalysis stores the analysis of an article.
func (s *Store) PutAnalysis(id string, an *Analysis) error {
	return s.PutAnalyses(map[string]*Analysis{id: an})
}

// PutAnalyses stores several analyses in one transaction and clears the
// articles' pending marks: callers store an analysis once the article is
// also indexed.
func (s *Store) PutAnalyses(byID map[string]*Analysis) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAnalyses)
		pending := tx.Bucket(bucketPending)
		for id, an := range byID {
			buf, err := json.Marshal(an)
			if err != nil {
				return fmt.Errorf("analysis %s: %w", id, err)
			}
			if err := b.Put([]byte(id), buf); err != nil {
				return err
			}
			if err := pending.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	return nil
}

// Analysis returns the stored analysis of an article, or ErrNotFound.
func (s *Store) Analysis(id string) (*Analysis, error) {
	var an Analysis
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketAnalyses).Get([]byte(id))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &an)
	})
	if err != nil {
		return nil, fmt.Errorf("analysis %s: %w", id, err)
	}
	return &an, nil
}

// Each calls fn for every stored article in id order, with its analysis (nil
// when it has none yet). It stops at the first error fn returns or when ctx
// is done. Records are read in short transactions of eachBatch articles and
// fn runs outside any transaction, so fn may write to the store.
func (s *Store) Each(ctx context.Context, fn func(*Article, *Analysis) error) error {
	var after []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch, last, err := s.readBatch(after, eachBatch)
		if err != nil {
			return err
		}
		for _, r := range batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(r.article, r.analysis); err != nil {
				return err
			}
		}
		if len(batch) < eachBatch {
			return nil
		}
		after = last
	}
}

const eachBatch = 256

type record struct {
	article  *Article
	analysis *Analysis
}

// readBatch reads up to n articles with ids after the key after (from the
// first when after is nil).
func (s *Store) readBatch(after []byte, n int) ([]record, []byte, error) {
	var out []record
	var last []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		analyses := tx.Bucket(bucketAnalyses)
		c := tx.Bucket(bucketArticles).Cursor()
		k, v := c.First()
		if after != nil {
			k, v = c.Seek(after)
			if k != nil && string(k) == string(after) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(out) < n; k, v = c.Next() {
			r := record{article: new(Article)}
			if err := json.Unmarshal(v, r.article); err != nil {
				return fmt.Errorf("article %s: %w", k, err)
			}
			if av := analyses.Get(k); av != nil {
				r.analysis = new(Analysis)
				if err := json.Unmarshal(av, r.analysis); err != nil {
					return fmt.Errorf("analysis %s: %w", k, err)
				}
			}
			out = append(out, r)
			last = append(last[:0], k...)
		}
		return nil
	})
	return out, last, err
}

// Pending returns the ids of articles stored (added or changed) whose
// analysis has not been stored since: their analysis and index entry may be
// missing or stale.
func (s *Store) Pending() ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	return ids, err
}

// SetMeta stores a setting.
func (s *Store) SetMeta(key, value string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte(key), []byte(value))
	})
}

// Meta returns a setting, or "" when it is not set.
func (s *Store) Meta(key string) (string, error) {
	var v string
	err := s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketMeta).Get([]byte(key)))
		return nil
	})
	return v, err
}
