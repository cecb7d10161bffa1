package crawler_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"meetscan/crawler"
	"meetscan/data/sample"
)

// TestCrawlSampleSite crawls the embedded sample site `meetscan demo` uses
// and checks every planted report was found with its title, date and
// language.
func TestCrawlSampleSite(t *testing.T) {
	srv := httptest.NewServer(sample.Handler())
	defer srv.Close()
	store := openStore(t, t.TempDir())
	sum, err := crawler.Crawl(context.Background(), testConfig(srv.URL), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	f := sample.Facts()
	if sum.ArticlesNew != f.Articles || sum.Errors != 0 {
		t.Errorf("%d new articles, want %d; %d errors: %+v", sum.ArticlesNew, f.Articles, sum.Errors, sum.PageErrors)
	}
	for _, r := range f.Reports {
		id, err := store.ArticleIDByURL(srv.URL + r.Path)
		if err != nil {
			t.Errorf("%s not stored", r.Path)
			continue
		}
		a, _ := store.Article(id)
		// The day only: facts.json gives some reports a clock time that
		// their pages do not show (it is in Last-Modified, not in the text).
		if a.Title != r.Title || a.Published.Date() != r.Published[:10] || a.Lang != r.Lang {
			t.Errorf("%s: got %q %q %q, want %q %q %q", r.Path, a.Title, a.Published, a.Lang, r.Title, r.Published, r.Lang)
		}
		for _, m := range []string{"您的位置", "浏览次数", "点击次数", "相关新闻", "分享到", "上一条", "下一条", "上一篇", "版权所有", "Your location", "Number of views", "Related News", "Share to", "Copyright"} {
			if strings.Contains(a.Body, m) {
				t.Errorf("%s: body keeps boilerplate %q", r.Path, m)
			}
		}
		if r.Author != "" && a.Author != r.Author {
			t.Errorf("%s: author %q, want %q", r.Path, a.Author, r.Author)
		}
	}
}
