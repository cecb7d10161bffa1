// Package people finds the people a meeting report names, with the roles
// written beside them, and every place each is mentioned (full name or a
// later short reference such as 张书记 / "Secretary Liu" / "Wu"), which the
// requirement extractor uses to attribute speakers.
//
// Chinese names come from context patterns: a role word before the name
// (党委书记、董事长吴秋珏), an honorific after it (张为民同志, 陈治亚副书记),
// credits (作者：…, 通讯员 …, (文：… …), …/审), and lists of elected
// members; every candidate must start with a common surname and be followed
// by a plausible next word. The gse dictionary is only a weak veto: a
// candidate that is a common non-name word is dropped. English names are
// romanised pinyin (surname list + syllable check) in the same contexts.
package people

import (
	"strings"
	"unicode/utf8"

	"meetscan/data"
)

// Lexicon is the dictionary lookup the extractor uses as a weak signal; a
// *gse.Segmenter satisfies it through a small adapter.
type Lexicon interface {
	// Common reports whether w is a common dictionary word that is not a
	// person name.
	Common(w string) bool
}

// Mention is one occurrence of a person in paragraph Para at bytes
// [Start, End).
type Mention struct {
	Person           int
	Para, Start, End int
}

// Result lists the people in order of first appearance and their
// mentions in text order.
type Result struct {
	People   []data.Person
	Mentions []Mention
}

type builder struct {
	lex    Lexicon
	paras  []string // folded
	full   string   // the whole folded text, to compare name variants; see count
	counts map[string]int
	people []data.Person
	index  map[string]int
	// aliases are other spellings of a person (the romanised name of a
	// Chinese one in a bilingual report), by person index.
	aliases map[int][]string

	// Per-paragraph scratch, reused.
	ps       paraScan
	roles    [][2]int
	nameEnds []int
	creds    []credit
	caps     [][2]int
}

func (b *builder) add(name, role string) {
	name = strings.TrimSpace(name)
	if name == "" || IsLeader(name) {
		return
	}
	i, ok := b.index[name]
	if !ok {
		i = len(b.people)
		b.index[name] = i
		b.people = append(b.people, data.Person{Name: name})
	}
	role = cleanRole(role)
	if role == "" {
		return
	}
	for _, r := range b.people[i].Roles {
		if r == role {
			return
		}
	}
	b.people[i].Roles = append(b.people[i].Roles, role)
}

// Extract finds the people of a report. paras must be folded to simplified
// characters (text.Simplify); names are returned from orig, the paragraphs
// as written, at the same byte offsets.
func Extract(paras, orig []string, lex Lexicon) Result {
	b := &builder{lex: lex, index: map[string]int{}, paras: paras}
	for i, p := range paras {
		o := orig[i]
		b.ps.scan(p)
		if b.ps.han {
			b.chinese(p, o)
		}
		// english needs two capitalised words; text.Counts counting a
		// Latin letter is not enough.
		if b.ps.upper >= 2 {
			b.english(p, o)
		}
	}
	// Drop people whose "name" is only the surname+given of another (a
	// two-character prefix of a three-character name found in a weaker
	// context).
	b.dedupe()
	b.mergeRomanised()
	return Result{People: b.people, Mentions: b.mentions(paras, orig)}
}

func (b *builder) dedupe() {
	var keep []data.Person
	dropped := false
	for _, p := range b.people {
		drop := false
		if utf8.RuneCountInString(p.Name) == 2 && !strings.Contains(p.Name, " ") {
			for _, q := range b.people {
				if q.Name != p.Name && strings.HasPrefix(q.Name, p.Name) && utf8.RuneCountInString(q.Name) == 3 && len(p.Roles) == 0 {
					drop = true
				}
			}
		}
		if !drop {
			keep = append(keep, p)
		}
		dropped = dropped || drop
	}
	if !dropped {
		return // people and index stay as they are
	}
	b.people = keep
	b.index = map[string]int{}
	for i, p := range keep {
		b.index[p.Name] = i
	}
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && less(ms[j], ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func less(a, b Mention) bool {
	if a.Para != b.Para {
		return a.Para < b.Para
	}
	return a.Start < b.Start
}

// cleanRole trims connectives and punctuation from a role phrase.
func cleanRole(r string) string {
	r = strings.TrimSpace(r)
	for _, p := range []string{"会议由", "大会由", "本次会议由", "会议", "由", "会上", "随后", "最后", "首先", "并", "and ", "the ", "The "} {
		r = strings.TrimPrefix(r, p)
	}
	r = strings.Trim(r, " ,，、:：;；(（\u00a0\u3000")
	// A closing bracket ends the role when it closes one of the role's
	// own (组织部（人事科）).
	for strings.HasSuffix(r, ")") || strings.HasSuffix(r, "）") {
		if strings.Count(r, "(")+strings.Count(r, "（") >= strings.Count(r, ")")+strings.Count(r, "）") {
			break
		}
		r = strings.TrimRight(r[:len(r)-closeLenEnd(r)], " ,，、:：;；\u00a0\u3000")
	}
	// A longer phrase is a clause, not a title. English titles take
	// about three letters for a Chinese character ("Deputy Secretary of
	// the Party Committee and Secretary of the Discipline Inspection
	// Commission" is 党委副书记、纪委书记).
	limit := 60
	if r != "" && r[0] < utf8.RuneSelf {
		limit = 140
	}
	if len(r) > limit && utf8.RuneCountInString(r) > limit {
		return ""
	}
	return r
}
