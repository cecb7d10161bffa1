// Package pipeline ties meetscan's parts together for the commands: the
// store is the source of truth; every article saved is analysed and indexed
// at once, and both can be rebuilt from the store.
package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"meetscan/analysis"
	"meetscan/data"
	"meetscan/index"
)

// Options say where the data lives and what to open.
type Options struct {
	DataDir string
	Log     *slog.Logger
	// NoIndex opens only the store and the analyzer (export, eval).
	NoIndex bool
	// Workers is the number of articles analysed at once; 0 means one per CPU.
	Workers int
}

// Pipeline holds the open store, analyzer and index of one data dir.
type Pipeline struct {
	Store    *data.Store
	Analyzer *analysis.Analyzer
	Index    *index.Index // nil with Options.NoIndex

	dataDir string
	workers int
	log     *slog.Logger
	stats   stageStats
	chunk   int // articles per commit in analyze; 0 means chunkMax
}

// ErrOpenIndex wraps the errors of opening or reading the index, so that
// callers can tell a damaged index from other failures.
var ErrOpenIndex = errors.New("open index")

// IndexDir is the folder of the search index inside a data dir.
func IndexDir(dataDir string) string { return filepath.Join(dataDir, "index") }

// Open opens the data dir's store, loads the analyzer (embedded assets plus
// the data dir's userdict.txt and taxonomy.yaml) and opens the index. When
// the analyzer or taxonomy changed since the index was built, it re-analyses
// the store and rebuilds the index, saying so in the log.
func Open(ctx context.Context, opts Options) (*Pipeline, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	store, err := data.Open(opts.DataDir)
	if err != nil {
		return nil, explainLocked(opts.DataDir, err)
	}
	p := &Pipeline{Store: store, dataDir: opts.DataDir, workers: opts.Workers, log: opts.Log}
	p.Analyzer, err = analysis.New(analysis.Config{DataDir: opts.DataDir})
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("load analyzer: %w", err)
	}
	if opts.NoIndex {
		return p, nil
	}
	if err := p.openIndex(ctx); err != nil {
		store.Close()
		return nil, err
	}
	if err := p.heal(ctx); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// heal finishes what an interrupted process left undone: articles stored
// but not analysed and indexed (a kill between the store and the index
// commit), and an index emptied or deleted while the store has articles.
func (p *Pipeline) heal(ctx context.Context) error {
	stored, err := p.Store.Count()
	if err != nil {
		return err
	}
	indexed, err := p.Index.Count()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrOpenIndex, err)
	}
	if indexed == 0 && stored > 0 {
		p.log.Warn("the index is empty but the store has articles; rebuilding it", "articles", stored)
		return p.RebuildIndex(ctx, nil)
	}
	ids, err := p.Store.Pending()
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		arts := make([]*data.Article, 0, len(ids))
		for _, id := range ids {
			a, err := p.Store.Article(id)
			if err != nil {
				return fmt.Errorf("finish interrupted work: %w", err)
			}
			arts = append(arts, a)
		}
		p.log.Info("analysing and indexing articles an interrupted run left pending", "articles", len(arts))
		if err := p.analyze(ctx, arts, p.commit); err != nil {
			return err
		}
	}
	// Anything still missing (part of the index deleted by hand) would make
	// searches silently incomplete; counting again is needed only then.
	if indexed < stored {
		if indexed, err = p.Index.Count(); err == nil && indexed < stored {
			p.log.Warn("the index holds fewer articles than the store; run meetscan index --rebuild", "indexed", indexed, "stored", stored)
		}
	}
	return nil
}

func (p *Pipeline) indexConfig() index.Config {
	return index.Config{
		UserDict:        p.Analyzer.UserDict(),
		Taxonomy:        p.Analyzer.Taxonomy(),
		AnalyzerVersion: p.Analyzer.Version(),
	}
}

func (p *Pipeline) openIndex(ctx context.Context) error {
	ix, err := index.Open(IndexDir(p.dataDir), p.indexConfig())
	if errors.Is(err, index.ErrVersionMismatch) {
		p.log.Warn("the analyzer, dictionary or taxonomy changed since the index was built; re-analysing and rebuilding", "reason", err)
		if err := p.Reanalyze(ctx, nil); err != nil {
			return err
		}
		return p.RebuildIndex(ctx, nil)
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrOpenIndex, explainLocked(p.dataDir, err))
	}
	p.Index = ix
	return nil
}

// Close closes the index and the store.
func (p *Pipeline) Close() error {
	var errs []error
	if p.Index != nil {
		errs = append(errs, p.Index.Close())
	}
	errs = append(errs, p.Store.Close())
	return errors.Join(errs...)
}

// Save stores articles, then analyses and indexes those that are new or
// changed. It reports what happened to each article; it is a crawler.Sink.
//
// Articles are stored first, in one transaction. Analysis then runs on all
// workers while the articles analysed so far are stored and indexed in
// chunks of the index's batch size, so that on large calls the serial parts
// of indexing (bleve builds each segment on one goroutine and waits for it
// to be persisted) overlap the analysis of the next chunk. (On this 2-core
// machine the old serial order already kept ~92% of the scheduler busy, so
// the gain is small; docs/pipeline.md has the figures.)
//
// When ctx is cancelled, Save returns its error; the chunks done so far are
// stored, analysed and indexed, the rest are stored without analysis. An
// article stored without analysis (an interrupted or killed Save) is
// analysed and indexed the next time it is saved, though it is unchanged.
func (p *Pipeline) Save(ctx context.Context, arts []*data.Article) ([]data.PutStatus, error) {
	t := time.Now()
	status, err := p.Store.PutArticles(arts)
	p.stats.add(&p.stats.store, t)
	if err != nil {
		return nil, err
	}
	var todo []*data.Article
	for i, st := range status {
		switch st {
		case data.Added, data.Updated:
			todo = append(todo, arts[i])
		case data.Unchanged:
			_, err := p.Store.Analysis(arts[i].ID)
			if errors.Is(err, data.ErrNotFound) {
				todo = append(todo, arts[i])
			} else if err != nil {
				return status, err
			}
		}
	}
	if len(todo) == 0 {
		return status, nil
	}
	return status, p.analyze(ctx, todo, p.commit)
}

// commit indexes a chunk of articles, then stores their analyses. In this
// order a stored analysis means the article is indexed (Index.Add returns
// once the batch is persisted), so an article without analysis is the only
// trace a killed or cancelled Save can leave, and Save heals exactly those.
func (p *Pipeline) commit(ctx context.Context, arts []*data.Article, analyses []*data.Analysis) error {
	if p.Index != nil {
		t := time.Now()
		docs := make([]index.Doc, len(arts))
		for i, a := range arts {
			docs[i] = index.Doc{Article: a, Analysis: analyses[i]}
		}
		if err := p.Index.Add(ctx, docs); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		p.stats.add(&p.stats.index, t)
	}
	return p.storeAnalyses(arts, analyses)
}

// storeAnalyses stores the analyses of arts (analyses[i] is arts[i]'s) in
// one transaction.
func (p *Pipeline) storeAnalyses(arts []*data.Article, analyses []*data.Analysis) error {
	t := time.Now()
	byID := make(map[string]*data.Analysis, len(arts))
	for i, a := range arts {
		byID[a.ID] = analyses[i]
	}
	if err := p.Store.PutAnalyses(byID); err != nil {
		return err
	}
	p.stats.add(&p.stats.store, t)
	return nil
}

// chunkMax is how many analysed articles are handed to commit at once: the
// index's bleve batch size, because smaller batches make more, smaller
// segments, which cost more CPU to build and merge than the overlap wins
// (measured in docs/pipeline.md). A remainder of less than half a chunk
// joins the last chunk, so a Save of 512 is one chunk (and one bleve batch
// of 500 plus one of 12, as before), a Save of 2,000 four overlapped ones.
const chunkMax = 500

// analyze analyses arts on the pipeline's workers and calls commit on
// consecutive chunks of them, in order, as soon as a chunk is analysed;
// the workers go on with the next chunks meanwhile. It stops at the first
// error of commit or when ctx is done.
func (p *Pipeline) analyze(ctx context.Context, arts []*data.Article,
	commit func(context.Context, []*data.Article, []*data.Analysis) error) error {
	n := len(arts)
	if n == 0 {
		return nil
	}
	size := p.chunk
	if size <= 0 {
		size = chunkMax
	}
	chunks := max(1, n/size)
	if r := n - chunks*size; r >= size/2 && r > 0 {
		chunks++
	}
	// chunk c is arts[c*size : end(c)]; the last one takes the rest.
	end := func(c int) int {
		if c == chunks-1 {
			return n
		}
		return (c + 1) * size
	}
	chunkOf := func(i int) int { return min(i/size, chunks-1) }
	analyses := make([]*data.Analysis, n)
	left := make([]atomic.Int32, chunks) // articles of each chunk still being analysed
	done := make([]chan struct{}, chunks)
	for c := range chunks {
		left[c].Store(int32(end(c) - c*size))
		done[c] = make(chan struct{})
	}

	actx, cancel := context.WithCancel(ctx)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case next <- i:
			case <-actx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range min(p.workers, n) {
		wg.Go(func() {
			for i := range next {
				analyses[i] = p.Analyzer.Analyze(arts[i])
				if c := chunkOf(i); left[c].Add(-1) == 0 {
					close(done[c])
				}
			}
		})
	}
	defer func() { cancel(); wg.Wait() }() // stop feeding the workers on any return

	for c := range chunks {
		t := time.Now()
		select {
		case <-done[c]:
		case <-ctx.Done():
			return ctx.Err()
		}
		p.stats.add(&p.stats.analyze, t)
		if err := ctx.Err(); err != nil {
			return err
		}
		lo, hi := c*size, end(c)
		if err := commit(ctx, arts[lo:hi], analyses[lo:hi]); err != nil {
			return err
		}
	}
	return nil
}

// batchSize is how many stored articles Reanalyze reads before analysing
// them.
const batchSize = 512

// Reanalyze re-runs the analysis over every stored article (after a
// dictionary or taxonomy change) and stores the results; it does not touch
// the index (RebuildIndex does). progress, when not nil, is called after
// each chunk. When ctx is cancelled it returns its error; every article then
// has either its new analysis or its previous one.
func (p *Pipeline) Reanalyze(ctx context.Context, progress func(done, total int)) error {
	total, err := p.Store.Count()
	if err != nil {
		return err
	}
	done := 0
	store := func(_ context.Context, arts []*data.Article, analyses []*data.Analysis) error {
		if err := p.storeAnalyses(arts, analyses); err != nil {
			return err
		}
		done += len(arts)
		if progress != nil {
			progress(done, total)
		}
		return nil
	}
	var batch []*data.Article
	err = p.Store.Each(ctx, func(a *data.Article, _ *data.Analysis) error {
		batch = append(batch, a)
		if len(batch) < batchSize {
			return nil
		}
		err := p.analyze(ctx, batch, store)
		batch = batch[:0]
		return err
	})
	if err == nil {
		err = p.analyze(ctx, batch, store)
	}
	if err != nil {
		return fmt.Errorf("reanalyze: %w", err)
	}
	return nil
}

// RebuildIndex builds a fresh index from the store and swaps it in.
// progress, when not nil, is called as documents are indexed. The open
// index keeps answering searches until the swap, and stays in place when
// the rebuild fails or ctx is cancelled.
func (p *Pipeline) RebuildIndex(ctx context.Context, progress func(done, total int)) error {
	total, err := p.Store.Count()
	if err != nil {
		return err
	}
	src := func(ctx context.Context, yield func(index.Doc) error) error {
		return p.Store.Each(ctx, func(a *data.Article, an *data.Analysis) error {
			return yield(index.Doc{Article: a, Analysis: an})
		})
	}
	var report func(int)
	if progress != nil {
		report = func(done int) { progress(done, total) }
	}
	if p.Index != nil {
		if err := p.Index.Rebuild(ctx, src, report); err != nil {
			return fmt.Errorf("rebuild index: %w", err)
		}
		return nil
	}
	// No index open (Open found it built with other versions): build it
	// in place, then open it.
	cfg := p.indexConfig()
	if err := index.Rebuild(ctx, IndexDir(p.dataDir), cfg, src, report); err != nil {
		return fmt.Errorf("rebuild index: %w", explainLocked(p.dataDir, err))
	}
	ix, err := index.Open(IndexDir(p.dataDir), cfg)
	if err != nil {
		return fmt.Errorf("open rebuilt index: %w", err)
	}
	p.Index = ix
	return nil
}

// explainLocked adds to a "data dir in use" error where the server holding
// it listens, when a running meetscan serve said so.
func explainLocked(dataDir string, err error) error {
	if !errors.Is(err, data.ErrLocked) && !errors.Is(err, index.ErrLocked) {
		return err
	}
	info, ierr := ReadServerInfo(dataDir)
	if ierr != nil {
		return err
	}
	return fmt.Errorf("%w: it is held by meetscan serve (pid %d) at %s; use the web page or its API, or stop the server", err, info.PID, info.URL)
}

// ServerInfo is what a running server records in the data dir so that other
// meetscan processes can point the user to it.
type ServerInfo struct {
	PID int    `json:"pid"`
	URL string `json:"url"`
}

const serverInfoFile = "server.json"

// WriteServerInfo records the running server; the returned func removes the
// record.
func WriteServerInfo(dataDir string, info ServerInfo) (remove func(), err error) {
	b, err := json.Marshal(info)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dataDir, serverInfoFile)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return nil, fmt.Errorf("record server: %w", err)
	}
	return func() { os.Remove(path) }, nil
}

// ReadServerInfo reads what WriteServerInfo recorded.
func ReadServerInfo(dataDir string) (ServerInfo, error) {
	var info ServerInfo
	b, err := os.ReadFile(filepath.Join(dataDir, serverInfoFile))
	if err != nil {
		return info, err
	}
	return info, json.Unmarshal(b, &info)
}
