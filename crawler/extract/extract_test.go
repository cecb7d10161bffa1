package extract_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"meetscan/crawler/extract"
	"meetscan/crawler/fixture"
)

// get renders one fixture page without a network.
func get(t testing.TB, h http.Handler, path string) ([]byte, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://site.test"+path, nil))
	if rec.Code == http.StatusInternalServerError { // the fixture's flaky page fails once
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://site.test"+path, nil))
	}
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d", path, rec.Code)
	}
	return rec.Body.Bytes(), rec.Header().Get("Content-Type")
}

func TestFixtureArticles(t *testing.T) {
	site := fixture.New(fixture.Options{})
	for _, want := range site.Expected() {
		t.Run(want.Path, func(t *testing.T) {
			body, ct := get(t, site, want.Path)
			p := extract.Analyze(body, "http://site.test"+want.Path, extract.Options{ContentType: ct})
			if !p.IsArticle {
				t.Fatalf("not recognised as an article: %s", p.Reason)
			}
			a := p.Article
			if a.Title != want.Title {
				t.Errorf("title %q, want %q", a.Title, want.Title)
			}
			if got := a.Published.String(); got != want.Published {
				t.Errorf("published %q, want %q", got, want.Published)
			}
			if a.Source != want.Source {
				t.Errorf("source %q, want %q", a.Source, want.Source)
			}
			if a.Author != want.Author {
				t.Errorf("author %q, want %q", a.Author, want.Author)
			}
			if a.Lang != want.Lang {
				t.Errorf("lang %q, want %q", a.Lang, want.Lang)
			}
			if got, w := a.Body, strings.Join(want.Paras, "\n"); got != w {
				t.Errorf("body:\n%s\nwant:\n%s", got, w)
			}
		})
	}
}
