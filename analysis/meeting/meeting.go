// Package meeting classifies a report's meeting and reads the facts stated
// about it: type, attendance and host organisation. Pure functions over
// paragraphs already folded to simplified characters.
package meeting

import (
	"regexp"
	"strings"

	"meetscan/analysis/text"
	"meetscan/data"
)

// cue lists one type's keywords, Chinese and (lower-case) English apart.
// They are plain strings, counted with strings.Count: regular expressions
// with this many alternatives cost more than the segmentation itself.
type cue struct {
	typ    string
	zh, en []string
}

// Ordered by precedence: when two types score the same, the earlier wins
// (a 民主生活会 that also reviews work is a democratic-life meeting).
// Mentions of the national party congress ("党的二十大", "20th Party
// Congress", "全国代表大会") are not congress meetings and are left out.
var cues = []cue{
	{data.MeetingDemocraticLife,
		words("民主生活会 组织生活会"),
		phrases("democratic life|organizational life meeting|organisational life meeting|organizational life conference|organisational life conference|organizational life session|organisational life session")},
	{data.MeetingCongress,
		words("党员大会 党代会 党员代表大会 次代表大会 换届 选举大会"),
		phrases("general meeting of all party members|general meeting of party members|general meeting of all the party members|members' general assembly|members general assembly|members' assembly|general election|election of the new|branch congress|party congress of the|congress of the party committee|party members' congress|party member congress|members' congress|election meeting|congress of party member representatives|congress of party members' representatives|party member representatives congress|party members' representative congress|representative congress|representatives congress|congress of party members|meeting of party members to elect|re-election|change of term")},
	{data.MeetingReview,
		words("述职 述廉 述责 双述双评 述评"),
		phrases("performance review|review meeting|work review|job reporting and evaluation|job report and evaluation|reporting and evaluation|secretary report|secretary's report|secretary work report|secretary's work report|review the work|debriefing")},
	{data.MeetingJoint,
		words("联席会 联学联建 党建联建 联建 共建 结对 联合党日 联合主题党日 联学"),
		phrases("joint meeting|joint party meeting|joint branch meeting|joint party branch meeting|joint study|joint construction|joint building|co-construction|co-building|jointly build|pairing|paired|twinning")},
	{data.MeetingStudy,
		words("理论学习中心组 中心组学习 中心组集体学习 中心组专题学习 专题学习 学习会 读书班 集体学习 学习研讨"),
		phrases("theory learning|theoretical study center group|theoretical study central group|theoretical learning center group|theoretical learning central group|theoretical study centre group|theoretical study group|theory study group|theoretical learning group|theory learning group|central group|study meeting|study session|collective study|learning session|reading class")},
	{data.MeetingPromotion,
		words("工作会 推进会 部署会 动员会 领导小组会议 党委会 调度会 务虚会"),
		phrases("promotion meeting|promotion work meeting|promotion conference|promotion work conference|work meeting|work conference|deployment meeting|mobilization meeting|mobilisation meeting|meeting to promote|work promotion")},
}

// zhCues and enCues count every cue word of cues in one pass over a text.
var zhCues, enCues = func() (*multiCount, *multiCount) {
	zh, en := &multiCount{at: map[uint16][]pattern{}}, &multiCount{at: map[uint16][]pattern{}}
	for ci, c := range cues {
		for _, w := range c.zh {
			zh.add(w, ci)
		}
		for _, w := range c.en {
			en.add(w, ci)
		}
	}
	return zh, en
}()

// multiCount counts the non-overlapping occurrences of many words in one
// scan (the sum of strings.Count over the words, per cue): candidates are
// looked up by the two bytes they start with, filtered by a bit set.
type multiCount struct {
	bits [1 << 16 / 64]uint64
	at   map[uint16][]pattern
	n    int // patterns
}

type pattern struct {
	word string
	cue  int
	id   int
}

func (mc *multiCount) add(w string, cue int) {
	if len(w) < 2 {
		panic("meeting: cue word shorter than two bytes: " + w)
	}
	k := uint16(w[0])<<8 | uint16(w[1])
	mc.bits[k/64] |= 1 << (k % 64)
	mc.at[k] = append(mc.at[k], pattern{w, cue, mc.n})
	mc.n++
}

// count adds to counts[cue] the occurrences of each word of the cue in s,
// counted as strings.Count does (non-overlapping, leftmost first).
func (mc *multiCount) count(s string, counts []int) {
	var next []int // per pattern: where its next occurrence may start
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if mc.bits[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, p := range mc.at[k] {
			if next == nil {
				next = make([]int, mc.n)
			}
			if i >= next[p.id] && strings.HasPrefix(s[i:], p.word) {
				counts[p.cue]++
				next[p.id] = i + len(p.word)
			}
		}
	}
}

func words(s string) []string   { return strings.Fields(s) }
func phrases(s string) []string { return strings.Split(s, "|") }

// holdVerb marks the sentence that says which meeting was held.
var holdVerb = regexp.MustCompile(`召开|举行|举办|开展|组织|\bheld\b|\b[Hh]olds?\b|\borgani[sz]ed\b|\bconvened\b|\bpresided\b|carried out`)

// holdVerbEn is the English part of holdVerb (the reference of
// holdWordsEn in the tests).
var holdVerbEn = regexp.MustCompile(`\bheld\b|\b[Hh]olds?\b|\borgani[sz]ed\b|\bconvened\b|\bpresided\b|carried out`)

// holds reports whether holdVerb matches s: its Chinese verbs and "carried
// out" are plain substrings, the rest needs word boundaries.
func holds(s string) bool {
	for _, w := range []string{"召开", "举行", "举办", "开展", "组织", "carried out"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, w := range holdWordsEn {
		if hasWord(s, w) {
			return true
		}
	}
	return false
}

// holdWordsEn are the words of holdVerbEn but "carried out" (which has no
// \b and is a plain substring): each needs a word boundary on both sides.
var holdWordsEn = []string{"held", "hold", "Hold", "holds", "Holds", "organised", "organized", "convened", "presided"}

// hasWord reports whether w occurs in s with no ASCII word byte just
// before or after it, as `\bw\b` would.
func hasWord(s, w string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return false
		}
		i := off + k
		e := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (e == len(s) || !isWordByte(s[e])) {
			return true
		}
		off = i + 1
	}
}

// isWordByte is \b's notion of a word character (ASCII only).
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// Type classifies the meeting. The title counts most, then the (first two)
// sentences that say a meeting was held, then mentions anywhere in the
// first paragraphs. Reports that match no cue are "other".
func Type(title string, paras []string) string {
	score := map[string]int{}
	add := func(s string, w int) {
		if s == "" {
			return
		}
		han, latin := text.Counts(s)
		lower := ""
		if latin > 0 {
			lower = strings.ToLower(s)
		}
		counts := make([]int, len(cues))
		if han > 0 {
			zhCues.count(s, counts)
		}
		if latin > 0 {
			enCues.count(lower, counts)
		}
		for ci, c := range cues {
			n := min(counts[ci], 8)
			if w > 1 && n > 1 {
				n = 1
			}
			score[c.typ] += n * w
		}
	}
	add(title, 6)
	var held []string
	var rest strings.Builder
	for i, p := range paras {
		if p == title || i >= 12 {
			continue
		}
		for _, s := range sentences(p) {
			if len(held) < 2 && holds(s) {
				held = append(held, s)
				continue
			}
			rest.WriteString(s)
			rest.WriteString("。")
		}
	}
	for _, s := range held {
		add(s, 4)
	}
	add(rest.String(), 1)
	best, bestScore := data.MeetingOther, 0
	for _, c := range cues {
		if score[c.typ] > bestScore {
			best, bestScore = c.typ, score[c.typ]
		}
	}
	return best
}

func sentences(p string) []string {
	f := func(r rune) bool { return r == '。' || r == '！' || r == '？' }
	var out []string
	for _, s := range strings.FieldsFunc(p, f) {
		// English: split on ". " without a full sentence splitter; the
		// scores only need rough sentences.
		out = append(out, strings.Split(s, ". ")...)
	}
	return out
}
