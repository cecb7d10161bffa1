package data

import (
	"testing"
	"time"
)

func TestCrawlState(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	run, resumed, err := s.BeginCrawl()
	if err != nil || run != 1 || resumed {
		t.Fatalf("first run %d %v %v", run, resumed, err)
	}
	n, err := s.Enqueue(run, []FrontierItem{{URL: "http://a/"}, {URL: "http://a/x", Depth: 1}, {URL: "http://a/"}})
	if err != nil || n != 2 {
		t.Fatalf("enqueue: %d %v", n, err)
	}
	items, _ := s.FrontierAfter(0, 10)
	if len(items) != 2 || items[0].URL != "http://a/" || items[1].Depth != 1 || items[1].Seq <= items[0].Seq {
		t.Fatalf("frontier %+v", items)
	}
	added, err := s.CommitPages(run, []PageCommit{{Seq: items[0].Seq,
		State: &PageState{URL: "http://a/", Kind: PageListing, ETag: `"e"`, FetchedAt: time.Now(), Run: run},
		Links: []FrontierItem{{URL: "http://a/x"}, {URL: "http://a/y", Depth: 1}}}})
	if err != nil || added != 1 {
		t.Fatalf("commit: %d %v", added, err)
	}
	if l, _ := s.FrontierLen(); l != 2 {
		t.Errorf("frontier length %d, want 2", l)
	}
	ps, err := s.PageState("http://a/")
	if err != nil || ps.ETag != `"e"` || ps.Kind != PageListing {
		t.Errorf("page state %+v %v", ps, err)
	}
	s.Close()

	// Reopened with a non-empty frontier: the run resumes.
	s, _ = Open(dir)
	defer s.Close()
	run2, resumed, _ := s.BeginCrawl()
	if run2 != run || !resumed {
		t.Errorf("reopen: run %d resumed %v", run2, resumed)
	}
	items, _ = s.FrontierAfter(0, 10)
	if _, err := s.CommitPages(run, []PageCommit{{Seq: items[0].Seq}, {Seq: items[1].Seq}}); err != nil {
		t.Fatal(err)
	}
	run3, resumed, _ := s.BeginCrawl()
	if run3 != run+1 || resumed {
		t.Errorf("after drain: run %d resumed %v", run3, resumed)
	}
	// In a new run, seen URLs may be queued again (listing pages are re-crawled).
	if n, _ := s.Enqueue(run3, []FrontierItem{{URL: "http://a/"}}); n != 1 {
		t.Errorf("new run re-queues: %d", n)
	}
	if err := s.ClearFrontier(); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.FrontierLen(); l != 0 {
		t.Errorf("cleared frontier holds %d", l)
	}
}
