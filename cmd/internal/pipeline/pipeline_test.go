package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"meetscan/data"
	"meetscan/index"
)

// open opens a pipeline on dir and closes it when the test ends.
func open(t *testing.T, dir string, opts Options) *Pipeline {
	t.Helper()
	opts.DataDir = dir
	p, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func article(url, title, body string) *data.Article {
	return &data.Article{URL: url, Title: title, Body: body, Published: mustPub("2023-12-29")}
}

func mustPub(s string) data.PubTime {
	pt, err := data.ParsePubTime(s)
	if err != nil {
		panic(err)
	}
	return pt
}

// indexed returns the ids of every indexed article matching req, sorted.
func indexed(t *testing.T, ix *index.Index, req index.Request) []string {
	t.Helper()
	var ids []string
	err := ix.Each(context.Background(), req, func(h index.Hit) error {
		ids = append(ids, h.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Each(%+v): %v", req, err)
	}
	slices.Sort(ids)
	return ids
}

// analysisVersion is the Version of an article's stored analysis, "" when
// it has none.
func analysisVersion(t *testing.T, s *data.Store, id string) string {
	t.Helper()
	an, err := s.Analysis(id)
	if errors.Is(err, data.ErrNotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return an.Version
}

const (
	bodyA = "12月28日，公司党委召开2023年度党支部书记述职评议会。党委书记张为民主持会议。\n张为民强调，一要提高政治站位，二要推动高质量发展。"
	bodyB = "On December 28, the Party Committee held a work promotion meeting. Secretary Wu Weihua presided.\nWu Weihua said we must strengthen comprehensive and strict governance of the Party."
)

func TestSaveStatuses(t *testing.T) {
	ctx := context.Background()
	p := open(t, t.TempDir(), Options{})

	a := article("https://example.org/a.html", "党支部书记述职评议会召开", bodyA)
	b := article("https://example.org/b.html", "Work promotion meeting held", bodyB)
	st, err := p.Save(ctx, []*data.Article{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if want := []data.PutStatus{data.Added, data.Added}; !slices.Equal(st, want) {
		t.Fatalf("first Save = %v, want %v", st, want)
	}
	for _, art := range []*data.Article{a, b} {
		if v := analysisVersion(t, p.Store, art.ID); v != p.Analyzer.Version() {
			t.Errorf("analysis of %s has version %q, want %q", art.URL, v, p.Analyzer.Version())
		}
	}
	if got, want := indexed(t, p.Index, index.Request{}), sorted(a.ID, b.ID); !slices.Equal(got, want) {
		t.Fatalf("indexed %v, want %v", got, want)
	}

	// Mark what exists now, so that re-analysis or re-indexing shows: a's
	// stored analysis gets a marker version and a is taken out of the
	// index; b is taken out of the index too.
	if err := p.Store.PutAnalysis(a.ID, &data.Analysis{Version: "marker"}); err != nil {
		t.Fatal(err)
	}
	if err := p.Index.Delete(ctx, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}

	a2 := article(a.URL, a.Title, a.Body)                                   // same URL, same content
	b2 := article(b.URL, b.Title, bodyB+"\nMore than 40 members attended.") // same URL, new content
	c := article("https://mirror.example.net/a.html", a.Title, a.Body)      // same content, other URL
	d := article("https://example.org/d.html", "党员大会", "3月2日，第一党支部召开党员大会，共21人参加。")
	st, err = p.Save(ctx, []*data.Article{a2, b2, c, d})
	if err != nil {
		t.Fatal(err)
	}
	if want := []data.PutStatus{data.Unchanged, data.Updated, data.Duplicate, data.Added}; !slices.Equal(st, want) {
		t.Fatalf("second Save = %v, want %v", st, want)
	}
	if c.ID != a.ID || b2.ID != b.ID || a2.ID != a.ID {
		t.Errorf("ids: a2 %s c %s (want %s), b2 %s (want %s)", a2.ID, c.ID, a.ID, b2.ID, b.ID)
	}
	if v := analysisVersion(t, p.Store, a.ID); v != "marker" {
		t.Errorf("unchanged/duplicate article was re-analysed (version %q)", v)
	}
	an, err := p.Store.Analysis(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if an.Attendance != 40 {
		t.Errorf("updated article not re-analysed: attendance %v, want 40", an.Attendance)
	}
	if v := analysisVersion(t, p.Store, d.ID); v != p.Analyzer.Version() {
		t.Errorf("added article analysis version %q", v)
	}
	// Only the updated and the added article went back into the index.
	if got, want := indexed(t, p.Index, index.Request{}), sorted(b.ID, d.ID); !slices.Equal(got, want) {
		t.Errorf("indexed %v, want %v (only Added and Updated)", got, want)
	}
	if got := indexed(t, p.Index, index.Request{Query: "attended"}); !slices.Equal(got, []string{b.ID}) {
		t.Errorf("search for the updated text = %v, want [%s]", got, b.ID)
	}
	if n, _ := p.Store.Count(); n != 3 {
		t.Errorf("store holds %d articles, want 3", n)
	}
}

func sorted(ids ...string) []string {
	slices.Sort(ids)
	return ids
}

func TestSaveRejectsEmptyArticle(t *testing.T) {
	p := open(t, t.TempDir(), Options{})
	_, err := p.Save(context.Background(), []*data.Article{article("https://example.org/e.html", "", "")})
	if err == nil {
		t.Fatal("Save of an article without title and body succeeded")
	}
	if n, _ := p.Store.Count(); n != 0 {
		t.Errorf("store holds %d articles after a failed Save", n)
	}
}

// A cancelled Save stores the articles but neither analyses nor indexes
// them; saving them again, though unchanged, completes the job.
func TestSaveCancelledHeals(t *testing.T) {
	p := open(t, t.TempDir(), Options{})
	arts, _ := genArticles(t, 12)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st, err := p.Save(ctx, arts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Save with a cancelled context: err %v, want context.Canceled", err)
	}
	if len(st) != len(arts) {
		t.Fatalf("statuses %v", st)
	}
	if n, _ := p.Store.Count(); n != len(arts) {
		t.Fatalf("store holds %d articles, want %d", n, len(arts))
	}
	if n, _ := p.Index.Count(); n != 0 {
		t.Errorf("index holds %d articles after a cancelled Save, want 0", n)
	}

	again, _ := genArticles(t, 12)
	st, err = p.Save(context.Background(), again)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range st {
		if s != data.Unchanged {
			t.Errorf("article %d: %v, want unchanged", i, s)
		}
		if v := analysisVersion(t, p.Store, again[i].ID); v != p.Analyzer.Version() {
			t.Errorf("article %d not analysed after the second Save (version %q)", i, v)
		}
	}
	if n, _ := p.Index.Count(); n != len(arts) {
		t.Errorf("index holds %d articles, want %d", n, len(arts))
	}
}

// Cancelling in the middle of the analysis leaves the chunks done so far
// stored, analysed and indexed, and nothing half-done.
func TestAnalyzeCancelledMidway(t *testing.T) {
	p := open(t, t.TempDir(), Options{})
	p.chunk = 5
	arts, _ := genArticles(t, 23)
	if _, err := p.Store.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var committed []string
	err := p.analyze(ctx, arts, func(ctx context.Context, chunk []*data.Article, ans []*data.Analysis) error {
		if err := p.commit(ctx, chunk, ans); err != nil {
			return err
		}
		for _, a := range chunk {
			committed = append(committed, a.ID)
		}
		if len(committed) >= 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if len(committed) != 10 {
		t.Fatalf("committed %d articles, want 2 chunks of 5", len(committed))
	}
	for _, a := range arts {
		done := slices.Contains(committed, a.ID)
		if has := analysisVersion(t, p.Store, a.ID) != ""; has != done {
			t.Errorf("%s: committed %v but has analysis %v", a.ID, done, has)
		}
	}
	if got := indexed(t, p.Index, index.Request{}); !slices.Equal(got, sorted(committed...)) {
		t.Errorf("indexed %d articles, want the %d committed", len(got), len(committed))
	}
}

// TestAnalyzeChunks checks the chunking: every article is committed once,
// in order, in chunks of p.chunk, a small remainder joining the last.
func TestAnalyzeChunks(t *testing.T) {
	p := open(t, t.TempDir(), Options{NoIndex: true, Workers: 3})
	arts, _ := genArticles(t, 11)
	for _, tc := range []struct {
		n, chunk int
		sizes    []int
	}{
		{1, 4, []int{1}},
		{11, 4, []int{4, 4, 3}}, // remainder 3 >= 4/2: a chunk of its own
		{8, 4, []int{4, 4}},
		{9, 4, []int{4, 5}}, // remainder 1 joins the last chunk
		{3, 4, []int{3}},
		{11, 500, []int{11}},
	} {
		p.chunk = tc.chunk
		var sizes []int
		var got []*data.Article
		err := p.analyze(context.Background(), arts[:tc.n], func(_ context.Context, chunk []*data.Article, ans []*data.Analysis) error {
			sizes = append(sizes, len(chunk))
			for i, an := range ans {
				if an == nil || an.Version != p.Analyzer.Version() {
					t.Errorf("n=%d: chunk article %d has no analysis", tc.n, i)
				}
			}
			got = append(got, chunk...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sizes, tc.sizes) || !slices.Equal(got, arts[:tc.n]) {
			t.Errorf("n=%d chunk=%d: chunk sizes %v (want %v), order kept %v", tc.n, tc.chunk, sizes, tc.sizes, slices.Equal(got, arts[:tc.n]))
		}
	}
	// An error from commit stops the work and is returned.
	p.chunk = 2
	boom := errors.New("boom")
	calls := 0
	err := p.analyze(context.Background(), arts, func(context.Context, []*data.Article, []*data.Analysis) error {
		calls++
		return boom
	})
	if !errors.Is(err, boom) || calls != 1 {
		t.Errorf("err %v after %d commits, want boom after 1", err, calls)
	}
}

// RebuildIndex from the store gives the same search results as the index
// built incrementally by Save.
func TestRebuildIndexEqualsIncremental(t *testing.T) {
	ctx := context.Background()
	p := open(t, t.TempDir(), Options{})
	arts, _ := genArticles(t, 60)
	for start := 0; start < len(arts); start += 17 {
		if _, err := p.Save(ctx, arts[start:min(start+17, len(arts))]); err != nil {
			t.Fatal(err)
		}
	}
	reqs := []index.Request{
		{},
		{Query: "述职"},
		{Query: "党建"},
		{Query: "高质量发展"},
		{Query: "party building"},
		{Query: `"high-quality development"`},
		{Theme: "high_quality_development"},
		{Type: data.MeetingReview},
		{Year: 2021},
		{Lang: "en"},
	}
	type snapshot struct {
		ids    []string
		top    []string
		facets map[string]map[string]int
	}
	take := func() []snapshot {
		var out []snapshot
		for _, r := range reqs {
			s := snapshot{ids: indexed(t, p.Index, r)}
			r.Facets, r.NoSnippets, r.Limit, r.Sort = true, true, 10, index.SortDate
			res, err := p.Index.Search(ctx, r)
			if err != nil {
				t.Fatalf("Search(%+v): %v", r, err)
			}
			for _, h := range res.Hits {
				s.top = append(s.top, h.ID)
			}
			s.facets = res.Counts()
			out = append(out, s)
		}
		return out
	}
	before := take()
	if len(before[0].ids) != len(arts) {
		t.Fatalf("incremental index holds %d articles, want %d", len(before[0].ids), len(arts))
	}
	var progress []int
	if err := p.RebuildIndex(ctx, func(done, total int) {
		if total != len(arts) {
			t.Errorf("progress total %d, want %d", total, len(arts))
		}
		progress = append(progress, done)
	}); err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[len(progress)-1] != len(arts) {
		t.Errorf("progress %v, want to end at %d", progress, len(arts))
	}
	after := take()
	for i, r := range reqs {
		b, a := before[i], after[i]
		if len(b.ids) == 0 && r.Query != "" {
			t.Errorf("query %+v finds nothing: a weak test", r)
		}
		if !slices.Equal(b.ids, a.ids) || !slices.Equal(b.top, a.top) || fmt.Sprint(b.facets) != fmt.Sprint(a.facets) {
			t.Errorf("request %+v: incremental %d hits top %v facets %v; rebuilt %d hits top %v facets %v",
				r, len(b.ids), b.top, b.facets, len(a.ids), a.top, a.facets)
		}
	}
}

// extDict and extTaxonomy are a data dir's additions: a new word and a new
// theme found in extText. The tests that use them share them so that the
// extended gse dictionary is loaded once per test binary.
const (
	extDict     = "星火燎原计划 50000 n\n"
	extTaxonomy = `themes:
  - id: spark_plan
    label_en: Spark plan
    label_zh: 星火燎原计划
    terms_zh: [星火燎原计划]
    terms_en: [spark plan]
`
	extText = "12月28日，公司党委召开推进会，部署星火燎原计划。党委书记张为民要求，一要落实星火燎原计划，二要加强党的建设。"
)

func writeExt(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, data.UserDictFile), []byte(extDict), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, data.TaxonomyFile), []byte(extTaxonomy), 0o644); err != nil {
		t.Fatal(err)
	}
}

func hasTheme(an *data.Analysis, id string) bool {
	return slices.ContainsFunc(an.Themes, func(h data.ThemeHit) bool { return h.ID == id })
}

// storeSpark saves one article with extText into a fresh data dir opened
// with the embedded assets only, and returns the dir and the article id.
func storeSpark(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	p, err := Open(context.Background(), Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a := article("https://example.org/spark.html", "公司党委召开推进会", extText)
	if _, err := p.Save(context.Background(), []*data.Article{a}); err != nil {
		t.Fatal(err)
	}
	an, err := p.Store.Analysis(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if hasTheme(an, "spark_plan") {
		t.Fatal("spark_plan found before the taxonomy defines it")
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, a.ID
}

func TestReanalyzeAppliesDataDirChanges(t *testing.T) {
	dir, id := storeSpark(t)
	old, _ := Open(context.Background(), Options{DataDir: dir, NoIndex: true})
	oldVersion := old.Analyzer.Version()
	old.Close()
	writeExt(t, dir)

	p := open(t, dir, Options{NoIndex: true})
	if p.Analyzer.Version() == oldVersion {
		t.Fatal("analyzer version did not change with the data dir's dictionary and taxonomy")
	}
	var calls int
	if err := p.Reanalyze(context.Background(), func(done, total int) { calls++ }); err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("progress never called")
	}
	an, err := p.Store.Analysis(id)
	if err != nil {
		t.Fatal(err)
	}
	if an.Version != p.Analyzer.Version() || !hasTheme(an, "spark_plan") {
		t.Errorf("after Reanalyze: version %q (want %q), themes %+v (want spark_plan)", an.Version, p.Analyzer.Version(), an.Themes)
	}
}

// Opening a data dir whose dictionary or taxonomy changed re-analyses the
// store and rebuilds the index, and says so.
func TestOpenRebuildsOnVersionMismatch(t *testing.T) {
	dir, id := storeSpark(t)
	writeExt(t, dir)
	var logBuf syncBuffer
	p := open(t, dir, Options{Log: slog.New(slog.NewTextHandler(&logBuf, nil))})
	if !strings.Contains(logBuf.String(), "rebuilding") {
		t.Errorf("log does not say it rebuilds: %q", logBuf.String())
	}
	an, err := p.Store.Analysis(id)
	if err != nil {
		t.Fatal(err)
	}
	if !hasTheme(an, "spark_plan") {
		t.Errorf("analysis not redone: themes %+v", an.Themes)
	}
	if got := indexed(t, p.Index, index.Request{Theme: "spark_plan"}); !slices.Equal(got, []string{id}) {
		t.Errorf("theme search after the rebuild = %v, want [%s]", got, id)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	// The rebuilt index carries the new version: no second rebuild.
	logBuf.Reset()
	open(t, dir, Options{Log: slog.New(slog.NewTextHandler(&logBuf, nil))})
	if strings.Contains(logBuf.String(), "rebuilding") {
		t.Errorf("second Open rebuilt again: %q", logBuf.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

// Cancelling Reanalyze midway leaves every article with either its new
// analysis or its previous one.
func TestReanalyzeCancelled(t *testing.T) {
	p := open(t, t.TempDir(), Options{NoIndex: true})
	arts, _ := genArticles(t, 30)
	if _, err := p.Save(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if err := p.Store.PutAnalysis(a.ID, &data.Analysis{Version: "old"}); err != nil {
			t.Fatal(err)
		}
	}
	p.chunk = 4
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var reported int
	err := p.Reanalyze(ctx, func(done, total int) {
		if reported == 0 {
			reported = done
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	fresh := 0
	for _, a := range arts {
		switch v := analysisVersion(t, p.Store, a.ID); v {
		case p.Analyzer.Version():
			fresh++
		case "old":
		default:
			t.Errorf("%s: analysis version %q, want old or new", a.ID, v)
		}
	}
	if fresh != reported || fresh == 0 || fresh == len(arts) {
		t.Errorf("%d articles re-analysed, progress said %d (of %d)", fresh, reported, len(arts))
	}
}

func TestExplainLocked(t *testing.T) {
	dir := t.TempDir()
	plain := errors.New("disk on fire")
	if got := explainLocked(dir, plain); got != plain {
		t.Errorf("other errors changed: %v", got)
	}
	locked := fmt.Errorf("open store: %w", data.ErrLocked)
	if got := explainLocked(dir, locked); got != locked {
		t.Errorf("without server.json: %v", got)
	}
	remove, err := WriteServerInfo(dir, ServerInfo{PID: 4242, URL: "http://127.0.0.1:8080"})
	if err != nil {
		t.Fatal(err)
	}
	info, err := ReadServerInfo(dir)
	if err != nil || info.PID != 4242 || info.URL != "http://127.0.0.1:8080" {
		t.Fatalf("ReadServerInfo = %+v, %v", info, err)
	}
	for _, base := range []error{locked, &index.LockedError{Dir: IndexDir(dir), PID: 4242}} {
		got := explainLocked(dir, base)
		if !errors.Is(got, data.ErrLocked) && !errors.Is(got, index.ErrLocked) {
			t.Errorf("explained error lost its cause: %v", got)
		}
		for _, want := range []string{"meetscan serve", "pid 4242", "http://127.0.0.1:8080"} {
			if !strings.Contains(got.Error(), want) {
				t.Errorf("%q lacks %q", got, want)
			}
		}
	}
	remove()
	if _, err := ReadServerInfo(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("server.json still there after remove: %v", err)
	}
}

// A second Open of a data dir held by a server fails at once and says
// where the server is.
func TestOpenHeldByServer(t *testing.T) {
	dir := t.TempDir()
	open(t, dir, Options{NoIndex: true})
	remove, err := WriteServerInfo(dir, ServerInfo{PID: os.Getpid(), URL: "http://127.0.0.1:9999"})
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	_, err = Open(context.Background(), Options{DataDir: dir})
	if !errors.Is(err, data.ErrLocked) {
		t.Fatalf("second Open: %v, want data.ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "http://127.0.0.1:9999") {
		t.Errorf("error does not point to the server: %v", err)
	}
}

// A cancelled RebuildIndex keeps the index it had, usable.
func TestRebuildIndexCancelled(t *testing.T) {
	p := open(t, t.TempDir(), Options{})
	arts, _ := genArticles(t, 20)
	if _, err := p.Save(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.RebuildIndex(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if p.Index == nil {
		t.Fatal("no index after a cancelled rebuild")
	}
	if got := indexed(t, p.Index, index.Request{}); len(got) != len(arts) {
		t.Errorf("index holds %d articles after a cancelled rebuild, want %d", len(got), len(arts))
	}
	more, _ := genArticles(t, 25)
	if _, err := p.Save(context.Background(), more[20:]); err != nil {
		t.Fatal(err)
	}
	if n, _ := p.Index.Count(); n != 25 {
		t.Errorf("index holds %d articles after saving 5 more, want 25", n)
	}
}

// TestOpenFinishesInterruptedWork: what a killed process leaves behind (an
// article stored but never analysed or indexed, a deleted index) is
// finished by the next Open.
func TestOpenFinishesInterruptedWork(t *testing.T) {
	dir := t.TempDir()
	p := open(t, dir, Options{})
	if _, err := p.Save(context.Background(), []*data.Article{
		article("https://ex.org/a.html", "某公司党委召开述职评议会", "12月28日，某公司党委召开述职评议会。会议要求，要推动高质量发展。"),
	}); err != nil {
		t.Fatal(err)
	}
	// A process killed right after storing: the article exists, nothing else.
	orphan := article("https://ex.org/b.html", "某局党组召开理论学习中心组学习会", "3月5日，某局党组召开理论学习中心组学习会。会议强调，要落实全面从严治党主体责任。")
	if _, err := p.Store.PutArticles([]*data.Article{orphan}); err != nil {
		t.Fatal(err)
	}
	p.Close()

	p2, err := Open(context.Background(), Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if an, err := p2.Store.Analysis(orphan.ID); err != nil || an.MeetingType != data.MeetingStudy {
		t.Errorf("orphan analysis after reopen = %+v, %v", an, err)
	}
	if got := indexed(t, p2.Index, index.Request{}); len(got) != 2 {
		t.Errorf("indexed after reopen = %v, want 2 articles", got)
	}
	if ids, _ := p2.Store.Pending(); len(ids) != 0 {
		t.Errorf("pending after reopen = %v", ids)
	}
	p2.Close()

	// A deleted index is rebuilt from the store.
	if err := os.RemoveAll(IndexDir(dir)); err != nil {
		t.Fatal(err)
	}
	p3 := open(t, dir, Options{})
	if got := indexed(t, p3.Index, index.Request{}); len(got) != 2 {
		t.Errorf("indexed after deleting the index = %v, want 2 articles", got)
	}
}
