package data

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPutArticlesStatuses(t *testing.T) {
	s := openTemp(t)
	a := &Article{URL: "http://Example.org/news/1.html#top", Title: "会议召开", Body: "第一段\n\n第二段"}
	steps := []struct {
		name string
		art  *Article
		want PutStatus
	}{
		{"new", a, Added},
		{"same url same text", &Article{URL: "http://example.org/news/1.html", Title: "会议召开", Body: "第一段\n第二段"}, Unchanged},
		{"same text other url", &Article{URL: "http://example.org/mirror/1.html", Title: "会议召开", Body: " 第一段\n第二段 "}, Duplicate},
		{"same url new text", &Article{URL: "http://example.org/news/1.html", Title: "会议召开", Body: "第一段\n改写的第二段"}, Updated},
		{"other article", &Article{URL: "http://example.org/news/2.html", Title: "另一次会议", Body: "正文"}, Added},
		{"no url", &Article{Title: "导入的文本", Body: "正文"}, Added},
	}
	for _, st := range steps {
		got, err := s.PutArticle(st.art)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Errorf("%s: status %v, want %v", st.name, got, st.want)
		}
	}
	if n, _ := s.Count(); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
	// The mirror URL resolves to the first article.
	id, err := s.ArticleIDByURL("http://example.org/mirror/1.html")
	if err != nil || id != a.ID {
		t.Errorf("ArticleIDByURL(mirror) = %q, %v; want %q", id, err, a.ID)
	}
	got, err := s.Article(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "第一段\n改写的第二段" || got.Site != "example.org" || got.URL != "http://example.org/news/1.html" {
		t.Errorf("stored article = %+v", got)
	}
	if _, err := s.Article("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article error = %v, want ErrNotFound", err)
	}
}

func TestPutArticleRejectsEmpty(t *testing.T) {
	s := openTemp(t)
	if _, err := s.PutArticle(&Article{URL: "http://example.org/x"}); err == nil {
		t.Fatal("empty article stored without error")
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("Count = %d after rejected put", n)
	}
}

func TestAnalysisRoundTripAndEach(t *testing.T) {
	s := openTemp(t)
	arts := []*Article{
		{URL: "http://a.org/1", Title: "一", Body: "甲"},
		{URL: "http://a.org/2", Title: "二", Body: "乙"},
	}
	if _, err := s.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	an := &Analysis{MeetingDate: "2023-12-28", MeetingType: MeetingReview, Attendance: 21,
		People: []Person{{Name: "吴秋珏", Roles: []string{"党委书记"}}}}
	if err := s.PutAnalysis(arts[0].ID, an); err != nil {
		t.Fatal(err)
	}
	got, err := s.Analysis(arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.MeetingDate != "2023-12-28" || got.Attendance != 21 || got.People[0].Roles[0] != "党委书记" {
		t.Errorf("analysis round trip = %+v", got)
	}
	var seen, withAnalysis int
	err = s.Each(context.Background(), func(a *Article, an *Analysis) error {
		seen++
		if an != nil {
			withAnalysis++
		}
		return nil
	})
	if err != nil || seen != 2 || withAnalysis != 1 {
		t.Errorf("Each: seen %d, with analysis %d, err %v", seen, withAnalysis, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Each(ctx, func(*Article, *Analysis) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Each with cancelled context = %v", err)
	}
}

func TestAnalysisJSONNulls(t *testing.T) {
	b, err := json.Marshal(&Analysis{Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"meeting_date", "period_year", "org", "meeting_type", "attendance", "speaker"} {
		if v, ok := m[k]; !ok || v != nil {
			t.Errorf("%s = %v (present %v), want null", k, v, ok)
		}
	}
	for _, k := range []string{"people", "requirements", "themes", "keywords", "slogans"} {
		if v, ok := m[k].([]any); !ok || len(v) != 0 {
			t.Errorf("%s = %#v, want []", k, m[k])
		}
	}
	var back Analysis
	if err := json.Unmarshal(b, &back); err != nil || back.Lang != "zh" || back.Org != "" {
		t.Errorf("round trip = %+v, %v", back, err)
	}
}

func TestOpenLockedFailsFast(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if os.Getenv("MEETSCAN_LOCK_CHILD") == "" {
		// bbolt's flock is per open file description, so a second Open in
		// this process would succeed; a child process shows what users see.
		start := time.Now()
		cmd := exec.Command(os.Args[0], "-test.run=^TestOpenLockedChild$")
		cmd.Env = append(os.Environ(), "MEETSCAN_LOCK_CHILD="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("second open took %v", d)
		}
	}
}

func TestOpenLockedChild(t *testing.T) {
	dir := os.Getenv("MEETSCAN_LOCK_CHILD")
	if dir == "" {
		t.Skip("run by TestOpenLockedFailsFast")
	}
	_, err := Open(dir)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Open of a locked store = %v, want ErrLocked", err)
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://Example.ORG:80/a?b=2&a=1#x", "http://example.org/a?a=1&b=2"},
		{"https://example.org:443", "https://example.org/"},
		{"http://example.org/list?page=2&utm_source=x&JSESSIONID=abc", "http://example.org/list?page=2"},
		{"not a url", "not a url"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParsePubTime(t *testing.T) {
	tests := []struct {
		in, want string
		clock    bool
		bad      bool
	}{
		{"2024-01-04 21:12", "2024-01-04 21:12", true, false},
		{"2024-01-04", "2024-01-04", false, false},
		{"2024/1/4", "2024-01-04", false, false},
		{"2024-01-04T13:12:00Z", "2024-01-04 21:12", true, false},
		{"", "", false, false},
		{"yesterday", "", false, true},
	}
	for _, tt := range tests {
		p, err := ParsePubTime(tt.in)
		if (err != nil) != tt.bad {
			t.Errorf("ParsePubTime(%q) error = %v", tt.in, err)
			continue
		}
		if p.String() != tt.want || p.HasClock != tt.clock {
			t.Errorf("ParsePubTime(%q) = %q clock %v, want %q clock %v", tt.in, p.String(), p.HasClock, tt.want, tt.clock)
		}
	}
}

func TestPubTimeJSON(t *testing.T) {
	var a Article
	if err := json.Unmarshal([]byte(`{"title":"t","published":"2023-12-28"}`), &a); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(a.Published)
	if string(b) != `"2023-12-28"` {
		t.Errorf("published = %s", b)
	}
	if err := json.Unmarshal([]byte(`{"published":"soon"}`), &a); err == nil {
		t.Error("bad published date accepted")
	}
}

func FuzzParsePubTime(f *testing.F) {
	for _, s := range []string{"2024-01-04", "2024-01-04 21:12", "2024/1/4", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePubTime(s)
		if err == nil && !p.IsZero() {
			if _, err := ParsePubTime(p.String()); err != nil {
				t.Errorf("String() of %q does not parse back: %v", s, err)
			}
		}
	})
}

func TestDataDirFiles(t *testing.T) {
	s := openTemp(t)
	if _, err := os.Stat(filepath.Join(s.Dir(), DBFile)); err != nil {
		t.Fatal(err)
	}
}

func TestEachAllowsWritesAndSeesAll(t *testing.T) {
	s := openTemp(t)
	const n = 600 // more than one read batch
	arts := make([]*Article, n)
	for i := range arts {
		arts[i] = &Article{URL: "http://a.org/" + string(rune('a'+i%26)) + time.Duration(i).String(), Title: "t", Body: time.Duration(i).String()}
	}
	if _, err := s.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err := s.Each(context.Background(), func(a *Article, an *Analysis) error {
		if seen[a.ID] {
			t.Fatalf("article %s seen twice", a.ID)
		}
		seen[a.ID] = true
		return s.PutAnalysis(a.ID, &Analysis{Lang: "zh"}) // writing inside Each must not deadlock
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != n {
		t.Errorf("Each saw %d articles, want %d", len(seen), n)
	}
}

func TestNormalizeDropsControlCharacters(t *testing.T) {
	tests := []struct {
		name                string
		title, body         string
		wantTitle, wantBody string
	}{
		{"binary bytes", "\x00\x01\x02binary", "正文\x07内容", "binary", "正文内容"},
		{"invalid utf-8", "会议\xff召开", "a\xfeb", "会议召开", "ab"},
		{"carriage returns", "标题", "第一段\r第二段\r\n第三段", "标题", "第一段\n第二段\n第三段"},
		{"clean text kept", "Party branch meeting", "First.\nSecond.", "Party branch meeting", "First.\nSecond."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Title: tt.title, Body: tt.body}
			a.Normalize()
			if a.Title != tt.wantTitle || a.Body != tt.wantBody {
				t.Errorf("Normalize: title %q body %q, want %q %q", a.Title, a.Body, tt.wantTitle, tt.wantBody)
			}
		})
	}
}

func TestPendingMarks(t *testing.T) {
	s := openTemp(t)
	arts := []*Article{{URL: "http://a.org/1", Title: "一", Body: "甲"}, {URL: "http://a.org/2", Title: "二", Body: "乙"}}
	if _, err := s.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	ids, err := s.Pending()
	if err != nil || len(ids) != 2 {
		t.Fatalf("Pending = %v, %v; want both articles", ids, err)
	}
	if err := s.PutAnalysis(arts[0].ID, &Analysis{Lang: "zh"}); err != nil {
		t.Fatal(err)
	}
	// Storing the same article again (unchanged) does not mark it again.
	if _, err := s.PutArticles([]*Article{{URL: "http://a.org/1", Title: "一", Body: "甲"}}); err != nil {
		t.Fatal(err)
	}
	ids, _ = s.Pending()
	if len(ids) != 1 || ids[0] != arts[1].ID {
		t.Errorf("Pending = %v, want [%s]", ids, arts[1].ID)
	}
}
