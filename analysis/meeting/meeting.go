// Package meeting classifies a report's meeting and reads the facts stated
// about it: type, attendance and host organisation. Pure functions over
// paragraphs already folded to simplified characters.
package meeting

import (
	"regexp"
	"strings"

	"meetscan/analysis/internal/wordscan"
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

// maxCues bounds len(cues), so that scores fit arrays on the stack.
const maxCues = 8

// cueTable counts every cue word of cues in one pass over a text: the
// Chinese words as written, the English ones in the text lower-cased (as
// strings.ToLower would: the Chinese words have no ASCII letter, so
// folding does not change their matches). The specials are the runes that
// strings.ToLower turns into ASCII letters: İ -> i, K (Kelvin) -> k.
var cueTable = func() *wordscan.Table {
	if len(cues) > maxCues {
		panic("meeting: too many cues")
	}
	// Type scores by cue index, which is by type only if types differ.
	for i := range cues {
		for j := range i {
			if cues[i].typ == cues[j].typ {
				panic("meeting: two cues of type " + cues[i].typ)
			}
		}
	}
	t := wordscan.New(true, wordscan.Entry{Word: "\u0130", Special: true}, wordscan.Entry{Word: "\u212a", Special: true})
	for ci, c := range cues {
		for _, w := range c.zh {
			t.Add(wordscan.Entry{Word: w, Tag: ci})
		}
		for _, w := range c.en {
			t.Add(wordscan.Entry{Word: w, Tag: ci})
		}
	}
	return t
}()

// countCues adds to counts[cue] the occurrences of the cue's Chinese words
// in s plus those of its English words in strings.ToLower(s), each counted
// as strings.Count does.
func countCues(s string, counts []int) {
	if !cueTable.Count(s, counts) {
		cueTable.Count(strings.ToLower(s), counts)
	}
}

func words(s string) []string   { return strings.Fields(s) }
func phrases(s string) []string { return strings.Split(s, "|") }

// holdVerb marks the sentence that says which meeting was held. The
// English verbs in any case: "Held on May 5, the meeting…", "Convened by
// the branch…" start sentences, and titles capitalise every word.
var holdVerb = regexp.MustCompile(`召开|举行|举办|开展|组织|(?i:\bheld\b|\bholds?\b|\borgani[sz]ed\b|\bconvened\b|\bpresided\b|carried out)`)

// holdTable finds holdVerb's words: the Chinese verbs and "carried out"
// are plain substrings, the rest needs word boundaries. It folds ASCII
// case; (?i) also folds ſ (U+017F) to s, which sends a text that has it
// to the pattern.
var holdTable = func() *wordscan.Table {
	t := wordscan.New(true, wordscan.Entry{Word: "\u017f", Special: true})
	for _, w := range []string{"召开", "举行", "举办", "开展", "组织", "carried out"} {
		t.Add(wordscan.Entry{Word: w})
	}
	for _, w := range holdWordsEn {
		t.Add(wordscan.Entry{Word: w, BoundBefore: true, BoundAfter: true})
	}
	return t
}()

// holdAt returns where holdVerb first matches s, or -1.
func holdAt(s string) int {
	pos, _, sure := holdTable.First(s)
	if !sure {
		if m := holdVerb.FindStringIndex(s); m != nil {
			return m[0]
		}
		return -1
	}
	return pos
}

// holds reports whether holdVerb matches s.
func holds(s string) bool { return holdAt(s) >= 0 }

// holdWordsEn are the words of holdVerbEn but "carried out" (which has no
// \b and is a plain substring), lower case: each needs a word boundary on
// both sides.
var holdWordsEn = []string{"held", "hold", "holds", "organised", "organized", "convened", "presided"}

// Type classifies the meeting. The title counts most, then the (first two)
// sentences that say a meeting was held, then mentions anywhere in the
// first paragraphs. Reports that match no cue are "other".
func Type(title string, paras []string) string {
	var score [maxCues]int
	add := func(counts *[maxCues]int, w int) {
		for ci := range cues {
			n := min(counts[ci], 8)
			if w > 1 && n > 1 {
				n = 1
			}
			score[ci] += n * w
		}
	}
	if title != "" {
		var c [maxCues]int
		countCues(title, c[:len(cues)])
		add(&c, 6)
	}
	// The rest is every sentence of the first paragraphs but the held
	// ones. No cue word holds a sentence end, so a paragraph's count is
	// the sum of its sentences': count whole paragraphs and take the held
	// sentences out.
	nHeld := 0
	var heldCounts [2][maxCues]int
	var rest [maxCues]int
	for i, p := range paras {
		if p == title || i >= 12 {
			continue
		}
		if n, ok := typeScan(p, &rest, &heldCounts, nHeld); ok {
			nHeld = n
			continue
		}
		countCues(p, rest[:len(cues)])
		// No verb spans a sentence end, and sentences end at non-word
		// bytes: the held sentences are those around the verbs found in
		// the paragraph.
		for off := 0; nHeld < 2; {
			at := holdAt(p[off:])
			if at < 0 {
				break
			}
			start, end := sentenceAround(p, off+at)
			countCues(p[start:end], heldCounts[nHeld][:len(cues)])
			for ci := range cues {
				rest[ci] -= heldCounts[nHeld][ci]
			}
			nHeld++
			off = end
		}
	}
	for k := range nHeld {
		add(&heldCounts[k], 4)
	}
	add(&rest, 1)
	best, bestScore := data.MeetingOther, 0
	for ci, c := range cues {
		if score[ci] > bestScore {
			best, bestScore = c.typ, score[ci]
		}
	}
	return best
}

// holdTag tags typeTable's hold verbs (cue words are tagged by cue).
const holdTag = wordscan.MaxTags - 1

// typeTable finds cueTable's and holdTable's words in one pass; its
// specials are both tables' (İ, K, ſ).
var typeTable = func() *wordscan.Table {
	if len(cues) > holdTag {
		panic("meeting: too many cues")
	}
	t := wordscan.New(true,
		wordscan.Entry{Word: "\u0130", Special: true},
		wordscan.Entry{Word: "\u212a", Special: true},
		wordscan.Entry{Word: "\u017f", Special: true})
	for ci, c := range cues {
		for _, w := range c.zh {
			t.Add(wordscan.Entry{Word: w, Tag: ci})
		}
		for _, w := range c.en {
			t.Add(wordscan.Entry{Word: w, Tag: ci})
		}
	}
	for _, w := range []string{"召开", "举行", "举办", "开展", "组织", "carried out"} {
		t.Add(wordscan.Entry{Word: w, Tag: holdTag})
	}
	for _, w := range holdWordsEn {
		t.Add(wordscan.Entry{Word: w, Tag: holdTag, BoundBefore: true, BoundAfter: true})
	}
	return t
}()

// typeHit is a word typeTable found: a counted cue word or a hold verb.
type typeHit struct {
	pos int
	tag int
}

// typeScan does Type's work on one paragraph p in one pass of typeTable:
// it adds the cue counts of p to rest, those of the first held sentences
// (up to two in all, nHeld so far) to heldCounts instead, and returns the
// new nHeld. The counts of a sentence are those of the paragraph's
// counted words inside it: no cue word spans a sentence end, so a
// word's leftmost non-overlapping occurrences in the sentence are those
// of the paragraph; and a verb's boundaries are alike in both (sentence
// ends are no word bytes). ok is false, with nothing added, when a
// special rune occurs or the paragraph has too many words for the
// buffer: the caller counts it the long way.
func typeScan(p string, rest *[maxCues]int, heldCounts *[2][maxCues]int, nHeld int) (int, bool) {
	var hits [64]typeHit
	n := 0
	var next [wordscan.MaxEntries]int
	ok := true
	typeTable.Each(p, func(i int, e *wordscan.Entry) bool {
		if e.Special || n == len(hits) {
			ok = false
			return false
		}
		if e.Tag == holdTag {
			hits[n] = typeHit{i, holdTag}
			n++
			return true
		}
		if id := e.ID(); i >= next[id] {
			hits[n] = typeHit{i, e.Tag}
			n++
			next[id] = i + len(e.Word)
		}
		return true
	})
	if !ok {
		return nHeld, false
	}
	var counts [maxCues]int
	for _, h := range hits[:n] {
		if h.tag != holdTag {
			counts[h.tag]++
		}
	}
	for off, k := 0, 0; nHeld < 2; {
		// The first verb at or after off.
		for k < n && (hits[k].tag != holdTag || hits[k].pos < off) {
			k++
		}
		if k == n {
			break
		}
		start, end := sentenceAround(p, hits[k].pos)
		for _, h := range hits[:n] {
			if h.tag != holdTag && h.pos >= start && h.pos < end {
				heldCounts[nHeld][h.tag]++
				counts[h.tag]--
			}
		}
		nHeld++
		off = end
	}
	for ci := range cues {
		rest[ci] += counts[ci]
	}
	return nHeld, true
}

// sentenceAround returns the bounds of the sentence of p that holds byte
// i (not in a sentence end); sentences end at 。, ！, ？ and ". ".
func sentenceAround(p string, i int) (start, end int) {
	// The sentence starts after the nearest end before i: 。 (E3 80 82),
	// ！ (EF BC 81), ？ (EF BC 9F) or ". ".
	for j := i - 1; j >= 1 && start == 0; j-- {
		switch c := p[j]; {
		case c == ' ' && p[j-1] == '.',
			j >= 2 && c == 0x82 && p[j-2] == 0xE3 && p[j-1] == 0x80,
			j >= 2 && (c == 0x81 || c == 0x9F) && p[j-2] == 0xEF && p[j-1] == 0xBC:
			start = j + 1
		}
	}
	end = len(p)
	for j := i; j+1 < len(p); j++ {
		if p[j] == '.' && p[j+1] == ' ' {
			return start, j
		}
		if k := text.SentenceEnd(p[j:min(j+3, len(p))]); k == 0 {
			return start, j
		}
	}
	return start, end
}
