package crawler

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"meetscan/crawler/extract"
)

// SiteProfile adapts the crawler to one site. Every field is optional; the
// automatic discovery and extraction apply to whatever is left out.
//
//	name: example-party-committee
//	allowed_domains: [www.example.gov.cn, "*.example.gov.cn"]
//	start_urls: [https://www.example.gov.cn/xwdt/index.html]
//	follow_links: ['/xwdt/']          # only links matching one of these (or article_links) are followed
//	article_links: ['/t\d{8}_\d+\.html$']  # pages here are articles even without a visible date
//	skip_links: ['/english/']
//	charset: gbk                      # when the site declares its charset wrongly
//	selectors: {title: h1.title, date: .info .time, body: '#zoom', source: .info .source, author: .info .author}
type SiteProfile struct {
	Name           string            `yaml:"name"`
	AllowedDomains []string          `yaml:"allowed_domains"`
	StartURLs      []string          `yaml:"start_urls"`
	FollowLinks    []string          `yaml:"follow_links"`
	ArticleLinks   []string          `yaml:"article_links"`
	SkipLinks      []string          `yaml:"skip_links"`
	Charset        string            `yaml:"charset"`
	MinBodyRunes   int               `yaml:"min_body_runes"`
	Selectors      extract.Selectors `yaml:"selectors"`

	follow, article, skip []*regexp.Regexp
}

// LoadProfile reads a site profile from a YAML file.
func LoadProfile(path string) (*SiteProfile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("site profile: %w", err)
	}
	p, err := ParseProfile(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("site profile %s: %w", path, err)
	}
	return p, nil
}

// ParseProfile reads a site profile and compiles its patterns.
func ParseProfile(r io.Reader) (*SiteProfile, error) {
	var p SiteProfile
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && err != io.EOF {
		return nil, err
	}
	if err := p.compile(); err != nil {
		return nil, err
	}
	return &p, nil
}

func (p *SiteProfile) compile() error {
	var err error
	comp := func(field string, pats []string) []*regexp.Regexp {
		var out []*regexp.Regexp
		for _, s := range pats {
			re, e := regexp.Compile(s)
			if e != nil && err == nil {
				err = fmt.Errorf("%s: %w", field, e)
			}
			if e == nil {
				out = append(out, re)
			}
		}
		return out
	}
	p.follow = comp("follow_links", p.FollowLinks)
	p.article = comp("article_links", p.ArticleLinks)
	p.skip = comp("skip_links", p.SkipLinks)
	for _, d := range p.AllowedDomains {
		if strings.Contains(d, "/") {
			return fmt.Errorf("allowed_domains: %q is not a host name", d)
		}
	}
	return err
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// wantLink applies the profile's link patterns.
func (p *SiteProfile) wantLink(u string) bool {
	if p == nil {
		return true
	}
	if matchAny(p.skip, u) {
		return false
	}
	if len(p.follow) == 0 {
		return true
	}
	return matchAny(p.follow, u) || matchAny(p.article, u)
}

func (p *SiteProfile) isArticleURL(u string) bool {
	return p != nil && matchAny(p.article, u)
}

// allowsHost reports whether a host name is in allowed_domains
// ("*.example.org" also allows subdomains).
func (p *SiteProfile) allowsHost(hostname string) bool {
	if p == nil {
		return false
	}
	for _, d := range p.AllowedDomains {
		d = strings.ToLower(d)
		if strings.HasPrefix(d, "*.") {
			if strings.HasSuffix(hostname, d[1:]) || hostname == d[2:] {
				return true
			}
		} else if hostname == d {
			return true
		}
	}
	return false
}
