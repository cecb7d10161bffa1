// Package extract turns one HTML page into a meetscan article: title,
// publication time, source, author and the body without the boilerplate of
// Chinese government and party CMS pages (breadcrumbs, view counters, share
// buttons, related news, navigation, footers). It also lists the page's
// links and recognises article pages by their content.
//
// Everything here is pure: bytes and a URL in, values out. No I/O, no
// globals that change, so it is safe for concurrent use and fuzzable.
package extract

import (
	"bytes"
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"meetscan/data"
)

// Selectors are CSS selectors of a site profile. A non-empty selector that
// matches overrides the automatic extraction of its field.
type Selectors struct {
	Title  string `yaml:"title"`
	Date   string `yaml:"date"`
	Body   string `yaml:"body"`
	Source string `yaml:"source"`
	Author string `yaml:"author"`
}

// Options tune the extraction. The zero value is ready to use.
type Options struct {
	// ContentType is the HTTP Content-Type header, used for the charset.
	ContentType string
	// Selectors override automatic extraction per field.
	Selectors Selectors
	// MinBodyRunes is the body length (in characters, without spaces) an
	// article page needs; 0 means 80.
	MinBodyRunes int
}

// Link is a hyperlink found on a page.
type Link struct {
	URL        string // absolute, fragment removed
	Text       string
	Pagination bool // 下一页/尾页/next/page-number links of a listing
}

// Page is everything extracted from one HTML page.
type Page struct {
	Article   *data.Article // nil when no title or body could be found
	IsArticle bool          // a heading, a date and a main text block
	Reason    string        // why IsArticle is false
	Links     []Link
	Charset   string // the charset the page was decoded from
}

// ErrNotArticle is returned by Extract for pages without a title and a body.
var ErrNotArticle = errors.New("no article title and body found")

// Extract extracts the article of an HTML page. It returns ErrNotArticle
// when the page has no recognisable title and body; it does not require a
// date (imported files often have none), use Analyze for the crawler's
// stricter test.
func Extract(htmlBytes []byte, pageURL string, opts Options) (*data.Article, error) {
	p := Analyze(htmlBytes, pageURL, opts)
	if p.Article == nil {
		return nil, ErrNotArticle
	}
	return p.Article, nil
}

// Analyze extracts the article (if any) and the links of a page.
func Analyze(htmlBytes []byte, pageURL string, opts Options) *Page {
	utf, cs := ToUTF8(htmlBytes, opts.ContentType)
	root, err := html.Parse(bytes.NewReader(utf))
	page := &Page{Charset: cs}
	if err != nil {
		page.Reason = "unparsable HTML"
		return page
	}
	base, _ := url.Parse(pageURL)
	x := &extractor{opts: opts, base: base, pageURL: pageURL, meta: map[string]string{}}
	x.scanHead(root)
	if x.base != nil {
		page.Links = x.links(root)
		page.Links = append(page.Links, x.scriptPages(utf)...)
	}
	body := findBody(root)
	if body == nil {
		page.Reason = "no body"
		return page
	}
	doc := goquery.NewDocumentFromNode(root)
	x.removeBoilerplate(body)
	art := &data.Article{URL: pageURL}
	x.lines = blockLines(body)
	art.Title = x.title(doc, body)
	art.Published, x.hasDate = x.date(doc)
	art.Source = x.labelled(doc, opts.Selectors.Source, sourceLabelRe)
	if art.Source == "" {
		art.Source = truncateRunes(clean(x.meta["contentsource"]), 80) // TRS CMS pages
	}
	art.Author = x.labelled(doc, opts.Selectors.Author, authorLabelRe)
	paras, density := x.body(doc, body, art.Title)
	art.Body = strings.Join(paras, "\n")
	if art.Title == "" && len(paras) > 0 {
		art.Title = truncateRunes(paras[0], 60)
	}
	if art.Title == "" || art.Body == "" {
		page.Reason = "no title or body"
		return page
	}
	art.Lang = DetectLang(art.Title + "\n" + art.Body)
	page.Article = art
	minRunes := opts.MinBodyRunes
	if minRunes <= 0 {
		minRunes = 80
	}
	switch {
	case !x.hasDate:
		page.Reason = "no publication date"
	case countRunes(art.Body) < minRunes:
		page.Reason = "body too short"
	case density > 0.5:
		page.Reason = "main block is mostly links"
	case !x.hasHeading && opts.Selectors.Title == "":
		page.Reason = "no heading"
	default:
		page.IsArticle = true
	}
	return page
}

type extractor struct {
	opts       Options
	base       *url.URL
	pageURL    string
	meta       map[string]string // lower-case name/property -> content
	docTitle   string
	lines      []string
	hasDate    bool
	hasHeading bool
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// scanHead collects <title>, <meta> and <base href>.
func (x *extractor) scanHead(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Title:
			if x.docTitle == "" {
				x.docTitle = clean(textOf(n))
			}
		case atom.Meta:
			k := strings.ToLower(attr(n, "name"))
			if k == "" {
				k = strings.ToLower(attr(n, "property"))
			}
			if k == "" {
				k = strings.ToLower(attr(n, "itemprop"))
			}
			if v := attr(n, "content"); k != "" && v != "" {
				if _, dup := x.meta[k]; !dup {
					x.meta[k] = strings.TrimSpace(v)
				}
			}
		case atom.Base:
			if h := attr(n, "href"); h != "" && x.base != nil {
				if b, err := x.base.Parse(h); err == nil {
					x.base = b
				}
			}
		case atom.Body:
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.scanHead(c)
	}
}

var paginationText = regexp.MustCompile(`(?i)^(下一页|下页|尾页|末页|上一页|上页|首页|next|next page|last|last page|previous|prev|»|›|>|>>|\d{1,4}|\[\d{1,4}\]|第\d{1,4}页)$`)

var paginationClass = regexp.MustCompile(`(?i)(^|[\s_-])(page|pages|pager|paging|pagination|fenye|pagebar|page-nav|pagenav)([\s_-]|$)`)

// links lists the page's links, resolved against the base URL, before any
// boilerplate is removed (navigation and pagers are how the site is found).
func (x *extractor) links(root *html.Node) []Link {
	var out []Link
	var walk func(n *html.Node, inPager bool)
	walk = func(n *html.Node, inPager bool) {
		if n.Type == html.ElementNode {
			if !inPager && (paginationClass.MatchString(attr(n, "class")) || paginationClass.MatchString(attr(n, "id"))) {
				inPager = true
			}
			if n.DataAtom == atom.A {
				href := strings.TrimSpace(attr(n, "href"))
				if href != "" && !strings.HasPrefix(href, "#") {
					lower := strings.ToLower(href)
					if !strings.HasPrefix(lower, "javascript:") && !strings.HasPrefix(lower, "mailto:") && !strings.HasPrefix(lower, "tel:") {
						if u, err := x.base.Parse(href); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
							u.Fragment, u.RawFragment = "", ""
							text := clean(textOf(n))
							// Digits and 首页 (home / first page) count only inside a pager.
							pag := paginationText.MatchString(text) && (inPager || !(isDigits(text) || text == "首页")) ||
								strings.EqualFold(attr(n, "rel"), "next")
							out = append(out, Link{URL: u.String(), Text: text, Pagination: pag})
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inPager)
		}
	}
	walk(root, false)
	return out
}

// TRS-style CMSs (common on Chinese government sites) write the pager with
// script: createPageHTML(total, current, "index", "html") renders links to
// index.html, index_1.html … index_{total-1}.html.
var createPageRe = regexp.MustCompile(`createPageHTML\(\s*['"]?(\d{1,4})['"]?\s*,\s*['"]?(\d{1,4})['"]?\s*,\s*['"]([\w.-]{1,40})['"]\s*,\s*['"](\w{1,8})['"]`)

func (x *extractor) scriptPages(doc []byte) []Link {
	if !bytes.Contains(doc, []byte("createPageHTML")) {
		return nil
	}
	m := createPageRe.FindSubmatch(doc)
	if m == nil {
		return nil
	}
	total, _ := strconv.Atoi(string(m[1]))
	name, ext := string(m[3]), string(m[4])
	var out []Link
	for i := 0; i < min(total, 1000); i++ {
		p := name + "." + ext
		if i > 0 {
			p = name + "_" + strconv.Itoa(i) + "." + ext
		}
		if u, err := x.base.Parse(p); err == nil {
			out = append(out, Link{URL: u.String(), Text: strconv.Itoa(i + 1), Pagination: true})
		}
	}
	return out
}

func isDigits(s string) bool {
	s = strings.Trim(s, "[]")
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Class/id tokens of boilerplate containers.
var boilerTokens = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menus": true, "topbar": true,
	"breadcrumb": true, "breadcrumbs": true, "crumb": true, "crumbs": true, "bread": true,
	"position": true, "location": true, "weizhi": true, "dqwz": true, "path": true,
	"footer": true, "foot": true, "copyright": true, "bottom": true,
	"share": true, "bdshare": true, "sharebox": true, "social": true,
	"related": true, "relate": true, "xgxw": true, "xgwz": true, "recommend": true,
	"sidebar": true, "aside": true, "comment": true, "comments": true,
	"toolbar": true, "print": true, "pagination": true, "pager": true, "fenye": true,
	"advert": true, "ads": true, "banner": true, "login": true, "search": true,
	"friendlink": true, "links": true, "hotnews": true, "ranking": true,
}

var removeAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Form: true, atom.Select: true, atom.Button: true, atom.Input: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Textarea: true, atom.Object: true,
}

func isBoilerplate(n *html.Node) bool {
	if removeAtoms[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.Header {
		return !containsAtom(n, atom.H1)
	}
	for _, key := range [...]string{"class", "id"} {
		v := attr(n, key)
		if v == "" {
			continue
		}
		for _, tok := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\t' }) {
			if boilerTokens[tok] {
				return true
			}
		}
	}
	return false
}

func containsAtom(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || containsAtom(c, a)) {
			return true
		}
	}
	return false
}

// removeBoilerplate deletes boilerplate subtrees and comments. A container
// holding the page's only h1 is kept whatever its class says: some CMSs
// put the whole article in a "position"-named box.
func (x *extractor) removeBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && isBoilerplate(c) && !(c.DataAtom != atom.Nav && containsAtom(c, atom.H1) && containsAtom(c, atom.P)):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			x.removeBoilerplate(c)
		}
		c = next
	}
}

var titleSep = regexp.MustCompile(`\s*(?:_|\||｜|--|-{1}\s|\s-|—|–|::)\s*`)

var titleTokens = map[string]bool{"title": true, "tit": true, "biaoti": true, "headline": true, "bt": true, "arti": true}

// title picks the article heading: the h1/h2/title-classed element that best
// matches the document <title> (whose site suffix it then lacks), falling
// back to meta ArticleTitle/og:title and the first part of <title>.
func (x *extractor) title(doc *goquery.Document, body *html.Node) string {
	if sel := x.opts.Selectors.Title; sel != "" {
		if t := clean(doc.Find(sel).First().Text()); t != "" {
			x.hasHeading = true
			return t
		}
	}
	metaTitle := x.meta["articletitle"]
	if metaTitle == "" {
		metaTitle = x.meta["og:title"]
	}
	best, bestScore := "", 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		score := 0
		switch n.DataAtom {
		case atom.H1:
			score = 4
		case atom.H2:
			score = 3
		case atom.H3:
			score = 1
		}
		classy := false
		for _, tok := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
			if titleTokens[tok] {
				classy = true
			}
		}
		if classy {
			score += 2
		}
		if score > 0 && !hasAncestor(n, atom.A) {
			t := clean(textOf(n))
			l := utf8.RuneCountInString(t)
			if l >= 4 && l <= 150 {
				if x.docTitle != "" && strings.Contains(x.docTitle, t) {
					score += 4
				}
				if metaTitle != "" && (metaTitle == t || strings.Contains(metaTitle, t)) {
					score += 4
				}
				if score > bestScore {
					best, bestScore = t, score
				}
			}
			if n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || classy {
				// Headings inside headings are not separate candidates.
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	if best != "" && bestScore >= 5 {
		x.hasHeading = true
		return best
	}
	if metaTitle != "" {
		x.hasHeading = best != ""
		return clean(metaTitle)
	}
	if best != "" && bestScore >= 4 {
		x.hasHeading = true
		return best
	}
	if x.docTitle != "" {
		// Old table layouts set the heading in <b>/<font>: a body line
		// equal to a part of <title> is the heading.
		parts := titleSep.Split(x.docTitle, -1)
		for _, p := range parts {
			if utf8.RuneCountInString(p) >= 4 {
				for _, l := range x.lines {
					if l == p {
						x.hasHeading = true
						break
					}
				}
				return p
			}
		}
		return x.docTitle
	}
	return best
}

func hasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return true
		}
	}
	return false
}

// Labels of the "info line" under an article heading.
var (
	dateLabelRe   = regexp.MustCompile(`(?i)(发布时间|发布日期|发表时间|发文日期|成文日期|刊发日期|日期|时间|\brelease\s*time|\brelease\s*date|\bpublished\s*time|\bpublish(?:ed)?\s*date|\bpublication\s*date|\bpublished(?:\s*on)?|\bposted\s*on|\bissued(?:\s*on)?|\bdate)\s*[:：]?\s*`)
	sourceLabelRe = regexp.MustCompile(`(?i)(信息来源|文章来源|稿件来源|来源|source)\s*[:：]\s*`)
	authorLabelRe = regexp.MustCompile(`(?i)(?:(作者|撰稿人|撰稿|供稿单位|供稿|通讯员|\bauthor|\bwritten\s+by|\bsubmitted\s+by)\s*[:：]\s*|\b(?:submitted|written)\s+by\s+)`)
	infoLineRe    = regexp.MustCompile(`(?i)(来源|作者|供稿|撰稿|浏览|点击|阅读|访问|编辑|字号|字体|source|author|submitted by|views)`)
	// Where a labelled value ends: another label, a separator or a wide gap.
	valueEndRe = regexp.MustCompile(`(?i)\s{2,}|[|｜丨【\[\(（\)）\]】\t　]|\s(?:信息来源|文章来源|来源|作者|供稿|撰稿|编辑|责任编辑|发布时间|发布日期|时间|日期|浏览|点击|阅读|字号|source|author|release|published|date|views|number of views|submitted)\b|(?:信息来源|文章来源|来源|作者|供稿|撰稿|责任编辑|发布时间|发布日期|浏览次数|点击次数|阅读次数)[:：]`)
)

var metaDateKeys = []string{"pubdate", "publishdate", "article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "dc.date", "dc.date.issued", "dcterms.created", "firstpublishedtime", "publish_time", "publishtime", "date"}

// date finds the publication time: a selector, a labelled date in the lines
// near the heading, a date on the info line, meta tags, the URL, in that order.
func (x *extractor) date(doc *goquery.Document) (data.PubTime, bool) {
	if sel := x.opts.Selectors.Date; sel != "" {
		if t, ok := ParseDate(doc.Find(sel).First().Text()); ok {
			return t, true
		}
	}
	start := 0
	if i := x.titleLine(); i >= 0 {
		start = i
	}
	window := x.lines[start:min(len(x.lines), start+12)]
	for _, pass := range []func(string) (data.PubTime, bool){labelledDate, infoLineDate} {
		for _, l := range window {
			if t, ok := pass(l); ok {
				return t, true
			}
		}
	}
	for _, k := range metaDateKeys {
		if v := x.meta[k]; v != "" {
			if t, ok := ParseDate(v); ok {
				return t, true
			}
		}
	}
	if t, ok := DateFromURL(x.pageURL); ok {
		return t, true
	}
	for _, l := range x.lines {
		if t, ok := labelledDate(l); ok {
			return t, true
		}
	}
	return data.PubTime{}, false
}

func labelledDate(line string) (data.PubTime, bool) {
	if !hasYear(line) || !containsAny(asciiLower(line), dateHints) {
		return data.PubTime{}, false
	}
	for _, m := range dateLabelRe.FindAllStringIndex(line, 4) {
		rest := line[m[1]:]
		if len(rest) > 64 {
			rest = rest[:64] // the date must follow the label closely
		}
		if t, at := findDate(rest); at >= 0 && at <= 3 {
			return t, true
		}
	}
	return data.PubTime{}, false
}

func infoLineDate(line string) (data.PubTime, bool) {
	if utf8.RuneCountInString(line) > 120 || !infoLineRe.MatchString(line) {
		return data.PubTime{}, false
	}
	return ParseDate(line)
}

func firstDateIndex(s string) int {
	_, at := findDate(s)
	return at
}

func (x *extractor) titleLine() int {
	for i, l := range x.lines {
		if len(l) < 400 && (x.docTitle != "" && l != "" && strings.Contains(x.docTitle, l)) {
			return i
		}
	}
	return -1
}

// labelled returns a selector's text or the value after the first label in
// the lines near the heading ("来源：市委组织部", "Submitted by: …").
func (x *extractor) labelled(doc *goquery.Document, sel string, label *regexp.Regexp) string {
	if sel != "" {
		if t := clean(doc.Find(sel).First().Text()); t != "" {
			if m := label.FindStringIndex(t); m != nil && m[0] == 0 {
				t = t[m[1]:]
			}
			return truncateRunes(t, 80)
		}
	}
	start := max(x.titleLine(), 0)
	lines := x.lines[start:]
	for i, l := range lines {
		if i > 40 || utf8.RuneCountInString(l) > 200 {
			if i > 40 {
				break
			}
			continue
		}
		if v := labelValue(l, label); v != "" {
			return v
		}
	}
	return ""
}

// Lines that are never body text: breadcrumbs, counters, share and print
// buttons, previous/next links, editor and copyright lines. Plain substring
// tests: a regexp alternation of these cost 80% of the extraction time.
var noiseKeys = []string{"您的位置", "您现在的位置", "当前位置", "所在位置", "your location", "your position", "you are here",
	"浏览次数", "点击次数", "阅读次数", "访问次数", "浏览量", "阅读量", "number of views", "page views",
	"分享到", "分享至", "share to", "share this", "打印本页", "关闭窗口", "【字体", "字号：", "字号:", "【打印】", "【关闭】",
	"扫一扫", "微信扫", "上一篇：", "上一篇:", "下一篇：", "下一篇:", "previous article", "next article",
	"责任编辑：", "责任编辑:", "编辑：", "编辑:", "版权所有", "copyright ©", "all rights reserved"}

var noiseExact = map[string]bool{"打印": true, "关闭": true, "收藏": true, "print": true, "close": true, "top": true, "返回顶部": true}

// asciiLower lower-cases ASCII letters only, without allocating when there
// are none: the keywords matched against it are Chinese or ASCII.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

func isNoise(line string) bool {
	l := asciiLower(line)
	if noiseExact[l] {
		return true
	}
	for _, k := range noiseKeys {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// Cheap substring tests that must pass before the label regexps run.
var (
	dateHints   = []string{"时间", "日期", "time", "date", "publish", "posted"}
	sourceHints = []string{"来源", "source"}
	authorHints = []string{"作者", "供稿", "撰稿", "通讯员", "author", " by"}
)

func containsAny(lower string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// hasYear reports whether s holds four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// Headings after which only related links follow.
var stopRe = regexp.MustCompile(`(?i)^[【\[]?\s*(相关新闻|相关文章|相关链接|相关阅读|延伸阅读|推荐阅读|热点新闻|related news|related articles|related links|related stories|more news)\s*[】\]]?[:：]?$`)

// body picks the main text block and returns its paragraphs and the link
// density of the block.
func (x *extractor) body(doc *goquery.Document, body *html.Node, title string) ([]string, float64) {
	var rootNode *html.Node
	if sel := x.opts.Selectors.Body; sel != "" {
		if s := doc.Find(sel); s.Length() > 0 {
			rootNode = s.Nodes[0]
		}
	}
	if rootNode == nil {
		rootNode = mainBlock(body)
	}
	var paras []string
	var linkRunes, allRunes int
	for _, b := range blocks(rootNode) {
		allRunes += b.runes
		linkRunes += b.linkRunes
		for _, line := range strings.Split(b.text, "\n") {
			line = clean(line)
			if line == "" {
				continue
			}
			if len(line) < 64 && stopRe.MatchString(line) {
				return paras, ratio(linkRunes, allRunes)
			}
			if line == title || isNoise(line) || (b.runes > 0 && float64(b.linkRunes)/float64(b.runes) > 0.5) {
				continue
			}
			if isInfoLine(line) {
				continue
			}
			paras = append(paras, line)
		}
	}
	return paras, ratio(linkRunes, allRunes)
}

// isInfoLine recognises the line of metadata under the heading
// ("发布时间：2023-02-16 来源：… 浏览次数：…").
func isInfoLine(l string) bool {
	if len(l) > 300 {
		return false
	}
	if _, ok := labelledDate(l); ok {
		return true
	}
	lower := asciiLower(l)
	if containsAny(lower, sourceHints) {
		if m := sourceLabelRe.FindStringIndex(l); m != nil && m[0] < 20 {
			return true
		}
	}
	if containsAny(lower, authorHints) && len(l) < 180 {
		if m := authorLabelRe.FindStringIndex(l); m != nil && m[0] == 0 {
			return true
		}
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Td: true, atom.Th: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Table: true, atom.Tbody: true, atom.Tr: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Center: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Figure: true, atom.Figcaption: true,
	atom.Hr: true, atom.Body: true, atom.Html: true, atom.Form: true, atom.Address: true,
}

func isBlock(n *html.Node) bool { return n.Type == html.ElementNode && blockAtoms[n.DataAtom] }

// block is the inline text directly inside one block element.
type block struct {
	node      *html.Node
	text      string // <br> becomes "\n"
	runes     int    // non-space characters
	linkRunes int    // of which inside <a>
}

// blocks lists the inline text runs of n in document order.
func blocks(n *html.Node) []block {
	var out []block
	var walk func(b *html.Node)
	walk = func(b *html.Node) {
		var sb strings.Builder
		var runes, links int
		flush := func() {
			if runes > 0 {
				out = append(out, block{node: b, text: sb.String(), runes: runes, linkRunes: links})
			}
			sb.Reset()
			runes, links = 0, 0
		}
		var inline func(c *html.Node, inLink bool)
		inline = func(c *html.Node, inLink bool) {
			switch {
			case c.Type == html.TextNode:
				sb.WriteString(c.Data)
				k := nonSpaceRunes(c.Data)
				runes += k
				if inLink {
					links += k
				}
			case c.Type == html.ElementNode && c.DataAtom == atom.Br:
				sb.WriteByte('\n')
			case isBlock(c):
				flush()
				walk(c)
			case c.Type == html.ElementNode:
				for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
					inline(cc, inLink || c.DataAtom == atom.A)
				}
			}
		}
		for c := b.FirstChild; c != nil; c = c.NextSibling {
			inline(c, false)
		}
		flush()
	}
	walk(n)
	return out
}

// blockLines returns the text lines of n, one per block or <br>.
func blockLines(n *html.Node) []string {
	var lines []string
	for _, b := range blocks(n) {
		for _, l := range strings.Split(b.text, "\n") {
			if l = clean(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// mainBlock scores containers by the text of the blocks inside them (full
// score to the parent, half to the grandparent, as readability does) less
// their link text, and returns the best.
func mainBlock(body *html.Node) *html.Node {
	scores := map[*html.Node]float64{}
	for _, b := range blocks(body) {
		s := float64(b.runes - 2*b.linkRunes)
		if s <= 0 || b.runes < 10 {
			continue
		}
		s += float64(strings.Count(b.text, "，") + strings.Count(b.text, "。") + strings.Count(b.text, ", ") + strings.Count(b.text, ". "))
		target := b.node
		if target.DataAtom == atom.P || target.DataAtom == atom.Li {
			target = target.Parent
		}
		if target == nil {
			continue
		}
		scores[target] += s
		if gp := target.Parent; gp != nil {
			scores[gp] += s / 2
		}
	}
	best, bestScore := body, 0.0
	for n, s := range scores {
		if s > bestScore {
			best, bestScore = n, s
		}
	}
	return best
}

// DetectLang says whether text is Chinese ("zh"), English ("en") or a mix
// ("mixed"): Han characters against letters of Latin words.
func DetectLang(s string) string {
	var han, latin int
	inWord := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			inWord = false
		case r < 128 && unicode.IsLetter(r):
			if !inWord {
				latin += 3 // a word of Latin letters weighs about one Han character's meaning… times three
			}
			inWord = true
		default:
			inWord = false
		}
	}
	total := han + latin
	switch {
	case total == 0:
		return ""
	case han*10 >= total*8:
		return "zh"
	case latin*10 >= total*8:
		return "en"
	default:
		return "mixed"
	}
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// clean collapses white space (including the ideographic and no-break
// spaces CMS editors indent paragraphs with).
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }), " ")
}

func nonSpaceRunes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u3000' && r != '\u00a0' {
			n++
		}
	}
	return n
}

func countRunes(s string) int { return nonSpaceRunes(s) }

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// Info is what an article's info line says.
type Info struct {
	Published data.PubTime
	Source    string
	Author    string
}

// ParseInfoLine reads an info line of copied article text ("来源:… 发布时间:…
// 作者:…", "Date: 2019-12-30 Views: 14"); ok is false when the line is not one.
func ParseInfoLine(line string) (Info, bool) {
	line = clean(line)
	if !isInfoLine(line) {
		return Info{}, false
	}
	var in Info
	if t, ok := labelledDate(line); ok {
		in.Published = t
	} else if t, ok := infoLineDate(line); ok {
		in.Published = t
	}
	in.Source = labelValue(line, sourceLabelRe)
	in.Author = labelValue(line, authorLabelRe)
	return in, true
}

// IsBoilerplateLine reports whether a line of text is page furniture
// (breadcrumb, view counter, share/print links, copyright).
func IsBoilerplateLine(line string) bool { return isNoise(clean(line)) }

// labelValue is the value after label on one line, "" when absent.
func labelValue(l string, label *regexp.Regexp) string {
	m := label.FindStringIndex(l)
	if m == nil {
		return ""
	}
	rest := strings.TrimSpace(l[m[1]:])
	if e := valueEndRe.FindStringIndex(rest); e != nil {
		rest = rest[:e[0]]
	}
	rest = strings.Trim(strings.TrimSpace(rest), "：:,，;；。.()（）")
	if rest == "" || firstDateIndex(rest) == 0 {
		return ""
	}
	return truncateRunes(rest, 80)
}
