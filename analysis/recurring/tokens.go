package recurring

import (
	"bufio"
	"strings"
	"unicode"
	"unicode/utf8"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
	"github.com/go-ego/gse"

	"meetscan/data"
)

// Tokenizer turns a requirement into its content words: segmented, lower
// case, English stemmed, stop words and boilerplate verbs removed. A word
// may appear more than once; Grouper uses the set. Implementations must be
// safe for concurrent use: Grouper tokenizes on all cores.
type Tokenizer interface {
	Tokens(text string) []string
}

// SegTokenizer tokenizes with a shared gse segmenter in search mode, so
// that 支部书记 also yields 支部 and 书记 and paraphrases that write the
// compound differently still share words.
type SegTokenizer struct {
	seg  *gse.Segmenter
	stop map[string]bool
}

// NewTokenizer returns a tokenizer over seg (a loaded, shared segmenter;
// segment.Default() gives one) with DefaultStopWords plus extra.
func NewTokenizer(seg *gse.Segmenter, extra ...string) *SegTokenizer {
	stop := DefaultStopWords()
	for _, w := range extra {
		stop[normWord(w)] = true
	}
	return &SegTokenizer{seg: seg, stop: stop}
}

// Tokens implements Tokenizer.
func (t *SegTokenizer) Tokens(text string) []string {
	var out []string
	// Latin runs are split on non-letters here rather than by gse, whose
	// dictionary holds a few English words and would glue others.
	forEachRun(text, func(run string, han bool) {
		if !han {
			for _, w := range strings.FieldsFunc(run, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				w = strings.ToLower(w)
				if len(w) < 2 || t.stop[w] || isNumber(w) {
					continue
				}
				s := porterstemmer.StemString(w)
				if t.stop[s] {
					continue
				}
				out = append(out, s)
			}
			return
		}
		for _, w := range t.seg.CutSearch(run) {
			if utf8.RuneCountInString(w) < 2 || t.stop[w] {
				continue // single characters are mostly function words
			}
			out = append(out, w)
		}
	})
	return out
}

// forEachRun splits text into runs of Han (and other CJK) characters and
// runs of everything else, skipping punctuation-only runs.
func forEachRun(text string, fn func(run string, han bool)) {
	start, han := 0, false
	flush := func(end int) {
		if end > start {
			run := text[start:end]
			if strings.IndexFunc(run, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				fn(run, han)
			}
		}
		start = end
	}
	for i, r := range text {
		h := unicode.Is(unicode.Han, r)
		if i == start {
			han = h
			continue
		}
		if h != han {
			flush(i)
			han = h
		}
	}
	flush(len(text))
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func normWord(w string) string {
	w = strings.TrimSpace(w)
	if w == "" {
		return w
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r < 0x2E80 {
		return strings.ToLower(w)
	}
	return w
}

// StopWordFiles are the embedded stop-word lists read by DefaultStopWords
// when present in data.Assets() (one word a line, # comments).
var StopWordFiles = []string{"stopwords_zh.txt", "stopwords_en.txt"}

// DefaultStopWords returns function words and the boilerplate of meeting
// directives in both languages (要, 进一步, 加强, strengthen, must…): words
// that say "do it better" without saying what, and so must never make two
// requirements look alike. English entries are given both plain and
// stemmed. The embedded stop-word files, when present, are added.
func DefaultStopWords() map[string]bool {
	stop := map[string]bool{}
	for _, w := range strings.Fields(zhBoilerplate) {
		stop[w] = true
	}
	for _, w := range strings.Fields(enBoilerplate) {
		stop[w] = true
		stop[porterstemmer.StemString(w)] = true
	}
	for _, name := range StopWordFiles {
		f, err := data.Assets().Open(name)
		if err != nil {
			continue // the lists are optional; the built-in ones suffice
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			w := normWord(strings.Fields(line)[0])
			stop[w] = true
			if r, _ := utf8.DecodeRuneInString(w); r < 0x2E80 {
				stop[porterstemmer.StemString(w)] = true
			}
		}
		f.Close()
	}
	return stop
}

const zhBoilerplate = `
要 要求 需要 必须 应当 应该 务必 进一步 加强 强化 持续 不断 切实 全面 深入 扎实 认真 积极 努力
坚持 坚决 推动 推进 落实 做好 抓好 抓实 确保 提高 提升 完善 健全 深化 注重 着力 大力 充分 发挥
工作 各项 相关 有关 方面 各类 一系列 进行 开展 加大 力度 统筹 聚焦 围绕 结合 紧扣 不断提高 不断提升
做到 真正 及时 有效 有力 稳步 更加 更好 同时 以及 并且 通过 作为 对于 关于 按照 根据 其中 当前 今后
下一步 下一阶段 一是 二是 三是 四是 五是 六是 第一 第二 第三 首先 其次 最后 同志 我们 大家 自身
实现 形成 建立 保持 加快 重点 主要 基本 整体 总体 具体 明确 管理 建设 提出 希望 带头 带动 引导
我们 你们 他们 这个 那个 这些 那些 一个 一些 什么 怎么 如何 可以 能够 已经 正在 还要 也要 都要
`

const enBoilerplate = `
a an the and or of to in on for with by at as from into over under about than that this these those
it its is are be been being was were will would can could may might shall should must need needs
necessary necessity also further furthermore more most much every each all any both other others
we us our they them their he she his her you your one ones so such there here which who whom whose
what when where how not no never only very well just again always still ever
strengthen strengthened strengthening enhance improve improved improvement promote promoted ensure
continue continued keep kept make made carry carried out work works working effort efforts
effectively effective firmly fully comprehensively deeply further solidly actively earnestly
implement implemented implementation do done doing take taken put high level levels
first second third fourth fifth firstly secondly thirdly finally lastly
`
