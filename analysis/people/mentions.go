package people

import (
	"slices"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

// ref is a string to find in the paragraphs (a name, an alias, a
// surname) and the person it refers to.
type ref struct {
	word   string
	person int
}

// mentions finds every full-name occurrence and every short reference that
// resolves to exactly one person (same surname).
func (b *builder) mentions(paras, orig []string) []Mention {
	if len(b.people) == 0 {
		return nil
	}
	names := b.nameRefs()
	short, english := b.shortKeys(), englishKeys(names)
	var out []Mention
	longest := 0
	for _, p := range orig {
		longest = max(longest, len(p))
	}
	covered := make([]bool, longest+1) // by byte of the paragraph
	for pi, p := range orig {
		fp := paras[pi]
		covered := covered[:len(p)+1]
		clear(covered)
		first := len(out)
		for _, r := range names {
			n := r.word
			for off := 0; ; {
				k := index(p[off:], n)
				if k < 0 {
					break
				}
				s := off + k
				out = append(out, Mention{Person: r.person, Para: pi, Start: s, End: s + len(n)})
				for j := s; j < s+len(n); j++ {
					covered[j] = true
				}
				off = s + len(n)
			}
		}
		// Short references: surname + title (张书记, 李总, 王校长) where
		// no full name was found.
		for _, r := range short {
			for off := 0; ; {
				k := index(fp[off:], r.word)
				if k < 0 {
					break
				}
				at := off + k
				off = at + len(r.word)
				if !covered[at] && shortTitleIndex.prefixOf(fp[off:]) >= 0 {
					out = append(out, Mention{Person: r.person, Para: pi, Start: at, End: off})
				}
			}
		}
		// English references by surname alone ("Liu stressed",
		// "Secretary Liu"), as a whole word.
		for _, r := range english {
			for off := 0; ; {
				k := strings.Index(p[off:], r.word)
				if k < 0 {
					break
				}
				at := off + k
				off = at + len(r.word)
				if covered[at] || at > 0 && isAlpha(p[at-1]) || off < len(p) && isAlpha(p[off]) {
					continue
				}
				out = append(out, Mention{Person: r.person, Para: pi, Start: at, End: off})
			}
		}
		// Mentions are in paragraph order: sorting each paragraph's is
		// sorting all.
		sortMentions(out[first:])
	}
	return out
}

// index is strings.Index(s, w). For a w that starts with a multi-byte
// rune, it looks for the second byte of w instead of the first: in
// Chinese text the lead bytes E4–E9 start a third of all bytes, a given
// continuation byte about one in a hundred, so far fewer places are
// compared.
func index(s, w string) int {
	if len(w) < 2 || w[0] < utf8.RuneSelf {
		return strings.Index(s, w)
	}
	c := w[1]
	for off := 1; off < len(s); {
		k := strings.IndexByte(s[off:], c)
		if k < 0 {
			return -1
		}
		if at := off + k - 1; strings.HasPrefix(s[at:], w) {
			return at
		}
		off += k + 1
	}
	return -1
}

// nameRefs lists the names and aliases of every person, person by
// person, each name before its aliases.
func (b *builder) nameRefs() []ref {
	out := make([]ref, 0, len(b.people)+len(b.aliases))
	for i, person := range b.people {
		out = append(out, ref{person.Name, i})
		for _, a := range b.aliases[i] {
			out = append(out, ref{a, i})
		}
	}
	return out
}

// uniqueRefs returns the refs whose word no other ref has.
func uniqueRefs(refs []ref) []ref {
	out := make([]ref, 0, len(refs))
	for i, r := range refs {
		n := 0
		for _, q := range refs {
			if q.word == r.word {
				n++
			}
		}
		if n == 1 {
			out = append(out, refs[i])
		}
	}
	return out
}

// shortKeys returns the surnames of the Chinese names that only one
// person has, for short references.
func (b *builder) shortKeys() []ref {
	all := make([]ref, 0, len(b.people))
	for i, person := range b.people {
		if strings.Contains(person.Name, " ") {
			continue
		}
		// Short references are searched in the folded text: a name
		// written in traditional characters (陳志明) is 陈书记 there.
		name := text.Simplify(person.Name)
		s := compoundPrefix(name)
		if s == "" {
			s = prefixRunes(name, 1)
		}
		all = append(all, ref{s, i})
	}
	return uniqueRefs(all)
}

// englishKeys returns the romanised surnames (of names and aliases) that
// only one person has and that are not also English words, for English
// references.
func englishKeys(names []ref) []ref {
	var all []ref
	for _, r := range names {
		if k := strings.IndexByte(r.word, ' '); k > 0 {
			all = append(all, ref{r.word[:k], r.person})
		}
	}
	return slices.DeleteFunc(uniqueRefs(all), func(r ref) bool { return refUnsafe[r.word] })
}
