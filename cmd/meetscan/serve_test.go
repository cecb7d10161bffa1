package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"meetscan/data/sample"
)

// lineWatcher collects what meetscan writes and signals the served URL.
type lineWatcher struct {
	mu  sync.Mutex
	buf strings.Builder
	url chan string
}

var servingRE = regexp.MustCompile(`serving (http://\S+)`)

func (w *lineWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if m := servingRE.FindStringSubmatch(w.buf.String()); m != nil && w.url != nil {
		w.url <- m[1]
		w.url = nil
	}
	return len(p), nil
}

func (w *lineWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestServe starts `meetscan serve` on an empty data dir, checks the API
// answers, that the index is marked as held by the server, and that the
// server stops on cancel.
func TestServe(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &lineWatcher{url: make(chan string, 1)}
	urlc := stderr.url
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--data", dir, "serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, stderr)
	}()
	var base string
	select {
	case base = <-urlc:
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start: %s", stderr)
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/api/search?q=" + "党建")
	var res struct{ Total int }
	if code != 200 || json.Unmarshal([]byte(body), &res) != nil || res.Total != 0 {
		t.Errorf("search on empty store: %d %s", code, body)
	}
	if code, _ := get("/trends"); code != 200 {
		t.Errorf("trends page: %d", code)
	}
	if code, _ := get("/api/articles/0123456789abcdef"); code != 404 {
		t.Errorf("unknown article: %d", code)
	}
	resp, err := http.Post(base+"/api/crawl", "application/json", strings.NewReader(`{"urls":["http://127.0.0.1:1/"]}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST /api/crawl without --allow-writes: %d", resp.StatusCode)
	}
	// A second process is told who holds the index.
	c2, _, e2 := runCLI(t, dir, "search", "党建")
	if c2 == 0 || !strings.Contains(e2, "meetscan serve") || !strings.Contains(e2, base) {
		t.Errorf("second process: exit %d, stderr %q", c2, e2)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit %d: %s", code, stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := os.Stat(filepath.Join(dir, "server.json")); !os.IsNotExist(err) {
		t.Errorf("server record left behind after stop: %v", err)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"serve", "--addr", "nonsense"}, {"serve", "--crawl", "ftp://x"}, {"serve", "extra"}} {
		if code, _, stderr := runCLI(t, t.TempDir(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, stderr)
		}
	}
}

// TestServeCrawl serves while crawling the embedded sample site in the
// background: articles become searchable while the server runs.
func TestServeCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer and crawls")
	}
	site := httptest.NewServer(sample.Handler())
	defer site.Close()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &lineWatcher{url: make(chan string, 1)}
	urlc := stderr.url
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--data", dir, "serve", "--addr", "127.0.0.1:0", "--crawl", site.URL + "/"},
			strings.NewReader(""), io.Discard, stderr)
	}()
	var base string
	select {
	case base = <-urlc:
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start: %s", stderr)
	}
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := http.Get(base + "/api/search?limit=1")
		if err != nil {
			t.Fatal(err)
		}
		var res struct{ Total int }
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if res.Total > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no article indexed after 90 s of background crawl: %s", stderr)
		}
		time.Sleep(500 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop during a crawl")
	}
}
