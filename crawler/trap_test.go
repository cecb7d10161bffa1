package crawler

import (
	"net/url"
	"strings"
	"testing"
)

func TestTrapReason(t *testing.T) {
	for raw, want := range map[string]string{
		"http://a/xwdt/index_3.html":                     "",
		"http://a/xwdt/202302/t20230216_1.html":          "",
		"http://a/list?page=3":                           "",
		"http://a/list?page=99999":                       "page number too high",
		"http://a/calendar/?month=2023-01":               "calendar",
		"http://a/events?year=2023&month=2":              "calendar",
		"http://a/x/x/x/index.html":                      "repeated path segment x",
		"http://a/a/b/a/b/a/index.html":                  "repeated path segment a",
		"http://a/s?a=1&b=2&c=3&d=4&e=5&f=6":             "too many query parameters",
		"http://a/s?q=" + strings.Repeat("x", 120):       "long query value",
		"http://a/" + strings.Repeat("d/", 16) + "x.htm": "path too deep",
	} {
		u, _ := url.Parse(raw)
		if got := trapReason(u); got != want {
			t.Errorf("trapReason(%s) = %q, want %q", raw, got, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"http://A/tzgg/index.html;jsessionid=A1B2C3": "http://a/tzgg/index.html",
		"http://a/x.html?sid=8f3a&id=2#top":          "http://a/x.html?id=2",
		"http://a:80/":                               "http://a/",
	} {
		if got := canonical(in); got != want {
			t.Errorf("canonical(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestParseProfile(t *testing.T) {
	p, err := ParseProfile(strings.NewReader(`
name: test
allowed_domains: [www.example.gov.cn, "*.example.org"]
start_urls: [https://www.example.gov.cn/xwdt/]
follow_links: ['/xwdt/']
article_links: ['/t\d{8}_\d+\.html$']
skip_links: ['/xwdt/old/']
charset: gbk
selectors: {title: h1.title, date: .info .time, body: '#zoom'}
`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Selectors.Title != "h1.title" || p.Selectors.Body != "#zoom" || p.Charset != "gbk" {
		t.Errorf("%+v", p)
	}
	for u, want := range map[string]bool{
		"https://www.example.gov.cn/xwdt/index_1.html":         true,
		"https://www.example.gov.cn/zwgk/x.html":               false,
		"https://www.example.gov.cn/zwgk/t20230216_1.html":     true, // article pattern
		"https://www.example.gov.cn/xwdt/old/t20230216_1.html": false,
	} {
		if got := p.wantLink(u); got != want {
			t.Errorf("wantLink(%s) = %v", u, got)
		}
	}
	if !p.allowsHost("news.example.org") || !p.allowsHost("example.org") || p.allowsHost("example.com") {
		t.Error("allowed_domains")
	}
	for _, bad := range []string{"follow_links: ['(']", "unknown_field: 1", "allowed_domains: [http://x/]"} {
		if _, err := ParseProfile(strings.NewReader(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzParseProfile(f *testing.F) {
	f.Add("name: x\nfollow_links: ['/a/']\nselectors: {title: h1}\n")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProfile(strings.NewReader(s))
		if err == nil {
			p.wantLink("http://a/b")
			p.allowsHost("a")
		}
	})
}

func TestAllowedHosts(t *testing.T) {
	k := &crawl{hosts: map[string]bool{"example.gov.cn": true, "127.0.0.1:8080": true}}
	for raw, want := range map[string]bool{
		"http://example.gov.cn/a":           true,
		"https://www.example.gov.cn/a":      true, // the usual redirect target
		"http://www.example.gov.cn:8443/a":  false,
		"http://news.example.gov.cn/a":      false,
		"http://127.0.0.1:8080/x":           true,
		"http://127.0.0.1:9090/x":           false,
		"http://www.example.gov.cn.evil/a":  false,
		"http://other.example.net/landing/": false,
	} {
		u, _ := url.Parse(raw)
		if got := k.allowed(u); got != want {
			t.Errorf("allowed(%s) = %v, want %v", raw, got, want)
		}
	}
	k = &crawl{hosts: map[string]bool{"www.example.gov.cn": true}}
	if u, _ := url.Parse("https://example.gov.cn/"); !k.allowed(u) {
		t.Error("www host does not allow its bare twin")
	}
}
