// Package corpus generates synthetic brief projects for benchmarks and
// latency measurements that look like a week's coverage of big news:
// stories of several articles each, every story with its own people,
// places and facts, and every article of a story reporting a share of
// those facts in its own wording (three or four phrasings of each, a
// number now and then reported differently), quoting the story's
// speakers (by full name or surname, a word dropped here and there) and
// adding background sentences of its own. Articles have 25–50
// sentences of 15–35 words in paragraphs of two to four, about 1,000
// words. The output is deterministic.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// PerStory is the number of articles a story has (the last story of a
// corpus may have fewer).
const PerStory = 8

var (
	firstNames = []string{"Steve", "Dmitry", "Marco", "Sergei", "Yuri", "Karoline", "Volodymyr", "Keir",
		"Emmanuel", "Olaf", "Andrii", "Mike", "Kirill", "Antonio", "Ursula", "Mark", "Maria", "Kaja",
		"Amina", "Hassan", "Priya", "Tomasz", "Elena", "Jonas", "Fatima", "Lucia", "Oleksandr", "Ingrid",
		"Rafael", "Aiko", "Samuel", "Noura", "Pieter", "Giorgia", "Viktor", "Leila", "Henrik", "Chen",
		"Adebayo", "Sofia"}
	lastNames = []string{"Witkoff", "Peskov", "Rubio", "Lavrov", "Ushakov", "Leavitt", "Zelensky",
		"Starmer", "Macron", "Scholz", "Sybiha", "Waltz", "Dmitriev", "Guterres", "Kallas", "Rutte",
		"Okafor", "Haddad", "Sharma", "Nowak", "Petrova", "Lindqvist", "Rahman", "Moreno", "Kovalenko",
		"Berg", "Santos", "Tanaka", "Mensah", "Al-Amin", "de Vries", "Rossi", "Horvat", "Nasser",
		"Halvorsen", "Wei", "Adeyemi", "Marquez", "Novak", "Brennan"}
	roles = []string{"foreign minister", "defence minister", "special envoy", "spokesperson",
		"chief negotiator", "national security adviser", "prime minister", "interior minister",
		"regional governor", "mayor", "secretary-general", "energy minister"}
	places = []string{"Moscow", "Kyiv", "Riyadh", "Jeddah", "Istanbul", "Geneva", "Minsk", "Doha",
		"Brussels", "Washington", "London", "Paris", "Berlin", "Warsaw", "Kursk", "Zaporizhzhia",
		"Kherson", "Odesa", "Kharkiv", "Donetsk", "Ankara", "Vienna", "Oslo", "Cairo", "Amman",
		"Beirut", "Nairobi", "Addis Ababa", "Lagos", "Dakar", "Manila", "Jakarta", "Hanoi", "Seoul",
		"Tokyo", "Taipei", "Lima", "Bogota", "Quito", "Santiago", "Helsinki", "Tallinn", "Riga",
		"Vilnius", "Bucharest", "Sofia", "Belgrade", "Sarajevo", "Tbilisi", "Yerevan", "Baku",
		"Tashkent", "Astana", "Islamabad", "Dhaka", "Colombo", "Kathmandu", "Muscat", "Manama", "Tunis"}
	things = []string{"ceasefire", "prisoner exchange", "grain corridor", "energy truce", "peace plan",
		"minerals deal", "sanctions package", "aid convoy", "monitoring mission", "maritime truce",
		"flood relief programme", "reconstruction fund", "border agreement", "evacuation plan",
		"debt relief deal", "trade accord", "vaccination drive", "water-sharing treaty",
		"election observer mission", "refugee resettlement scheme"}
	orgs = []string{"United Nations", "European Union", "Red Cross", "World Bank", "African Union",
		"World Food Programme", "International Monetary Fund", "World Health Organization",
		"Organisation for Security and Co-operation in Europe", "Arab League"}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	outlets = []string{"Reuters", "Associated Press", "Agence France-Presse", "BBC News", "The Guardian", "Al Jazeera", "Deutsche Welle", "Kyiv Independent", "The New York Times", "The Washington Post", "Financial Times", "Le Monde", "El País", "NHK World", "Anadolu Agency", "The Hindu", "Daily Nation", "Bloomberg", "Politico Europe", "Euronews", "CNN", "NPR", "Sky News", "The Times", "Der Spiegel", "Corriere della Sera", "Gazeta Wyborcza", "Yle News", "The Irish Times", "ABC News"}
	quotes  = []string{"We are not going to sign anything that puts the lives of our people at risk", "This is a first step, and a fragile one, but it is a step in the right direction", "Nobody should expect a breakthrough in a single day of talks", "We have made it very clear that the guarantees must be written down and verified", "The people who suffer most from every delay are the civilians who have already lost everything", "Our delegation came here in good faith and will leave in good faith", "There are still serious differences on the sequence of the steps", "We expect the other side to honour what was agreed last week", "The window for a negotiated settlement is closing faster than many people think", "Any agreement has to be monitored by people on the ground, not only by satellites", "We will judge them by their actions and not by their statements", "The talks were constructive, frank and at times very difficult", "I cannot give you a date, but the work is continuing day and night", "Humanitarian access is not a bargaining chip and must never become one", "We are ready to meet again as soon as next week if that is what it takes"}
	fillers = []func(r *rand.Rand, st *story) string{
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Residents of %s described long queues at petrol stations and shops that had run out of bread by the middle of the afternoon.", pick(r, st.places))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("The previous round of talks on the %s, held in %s in %s, ended without a joint statement after %d hours.", st.thing, pick(r, places), pick(r, []string{"January", "February", "the autumn", "the spring", "early summer"}), 3+r.IntN(20))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Analysts at %s cautioned that a similar %s had collapsed within %d weeks the last time %s tried it.", pick(r, []string{"the International Crisis Group", "Chatham House", "the Carnegie Endowment", "a think tank in " + pick(r, places), "several European universities"}), st.thing, 2+r.IntN(10), pick(r, st.names))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Television pictures from %s showed convoys of trucks waiting at a checkpoint as night fell on %s.", pick(r, st.places), pick(r, days))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("The %s has long argued that any settlement in %s must include guarantees for the %d towns along the contact line.", pick(r, orgs), pick(r, st.places), 5+r.IntN(60))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Critics in %s accused the government of negotiating behind closed doors and of keeping parliament in the dark about the %s.", pick(r, places), st.thing)
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Markets in %s reacted calmly to news of the %s, with the currency up %d.%d percent against the dollar by the close of trading on %s.", pick(r, st.places), st.thing, r.IntN(3), r.IntN(10), pick(r, days))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("It was not immediately clear whether %s would attend the next meeting, which diplomats expect to take place in %s.", pick(r, st.names), pick(r, places))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Aid workers in %s said %d lorries carrying food, medicine and blankets had crossed into the area since %s.", pick(r, st.places), 20+r.IntN(400), pick(r, days))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("In a statement posted online, the ministry in %s said it was studying the proposal and would respond in due course.", pick(r, st.places))
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("Opinion polls published in %s on %s suggested that %d percent of voters supported the talks on the %s.", pick(r, st.places), pick(r, days), 30+r.IntN(50), st.thing)
		},
		func(r *rand.Rand, st *story) string {
			return fmt.Sprintf("The weather in %s turned colder overnight, complicating efforts to repair power lines damaged in the fighting.", pick(r, st.places))
		},
	}
)

// fact is one thing a story's articles report, with its slots filled.
type fact struct {
	kind   int
	p1, p2 int // indexes into story.names
	place  string
	place2 string
	day    string
	n      int
	org    string
}

// story is what the articles of one story share.
type story struct {
	names, surnames, roles []string
	places                 []string
	thing                  string
	facts                  []fact
	quotes                 []string
	quoteBy                []int
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func newStory(r *rand.Rand) *story {
	st := &story{thing: pick(r, things)}
	seen := map[string]bool{}
	for len(st.names) < 6 {
		f, l := pick(r, firstNames), pick(r, lastNames)
		if seen[l] {
			continue
		}
		seen[l] = true
		st.names = append(st.names, f+" "+l)
		st.surnames = append(st.surnames, l)
		st.roles = append(st.roles, pick(r, roles))
	}
	for len(st.places) < 4 {
		p := pick(r, places)
		if !seen[p] {
			seen[p] = true
			st.places = append(st.places, p)
		}
	}
	for range 30 + r.IntN(15) {
		p1 := r.IntN(6)
		st.facts = append(st.facts, fact{kind: r.IntN(len(phrasings)), p1: p1, p2: (p1 + 1 + r.IntN(5)) % 6,
			place: pick(r, st.places), place2: pick(r, places), day: pick(r, days),
			n: 10 + r.IntN(4990), org: pick(r, orgs)})
	}
	for range 4 + r.IntN(3) {
		st.quotes = append(st.quotes, pick(r, quotes))
		st.quoteBy = append(st.quoteBy, r.IntN(6))
	}
	return st
}

// phrasings holds, for each kind of fact, its wordings.
var phrasings = [][]func(st *story, f fact, n int) string{
	{ // a meeting
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s met %s in %s on %s to discuss the %s, officials from both sides said.", st.names[f.p1], st.names[f.p2], f.place, f.day, st.thing)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("On %s, %s held talks with %s in %s about the proposed %s.", f.day, st.names[f.p1], st.names[f.p2], f.place, st.thing)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s and %s sat down together in %s on %s for a first round of talks on the %s.", st.names[f.p1], st.names[f.p2], f.place, f.day, st.thing)
		},
	},
	{ // a count of people
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("At least %d people were evacuated from %s on %s, according to the local authorities.", n, f.place, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Local authorities in %s said %d residents had been moved to safety by %s evening.", f.place, n, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Some %d people left their homes in %s, the regional administration reported on %s.", n, f.place, f.day)
		},
	},
	{ // a duration
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The %s would last %d days if both sides sign it, %s told reporters in %s.", st.thing, n%90+10, st.names[f.p1], f.place)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s said the proposed %s was designed to run for %d days before it is reviewed.", st.names[f.p1], st.thing, n%90+10)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("According to %s, the %s would remain in force for %d days and could then be extended.", st.names[f.p1], st.thing, n%90+10)
		},
	},
	{ // money
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The %s pledged %d million dollars in emergency funding for %s on %s.", f.org, n%900+10, f.place, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("On %s the %s announced %d million dollars of new aid for the people of %s.", f.day, f.org, n%900+10, f.place)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Emergency funding of %d million dollars for %s was promised by the %s, its officials said.", n%900+10, f.place, f.org)
		},
	},
	{ // travel
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s flew to %s from %s on %s, a day before the talks were due to begin.", st.names[f.p1], f.place, f.place2, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s arrived in %s on %s after a flight from %s, according to people familiar with the trip.", st.names[f.p1], f.place, f.day, f.place2)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Travelling from %s, %s landed in %s on %s ahead of the negotiations.", f.place2, st.names[f.p1], f.place, f.day)
		},
	},
	{ // a status
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s confirmed that the %s had been signed in %s late on %s.", st.names[f.p1], st.thing, f.place, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The %s was signed in %s on %s, %s confirmed in a brief statement.", st.thing, f.place, f.day, st.names[f.p1])
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s said the %s had been formally signed in %s on %s night.", st.names[f.p1], st.thing, f.place, f.day)
		},
	},
	{ // a role
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("%s, the %s, led the delegation that travelled to %s on %s.", st.names[f.p1], st.roles[f.p1], f.place, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The delegation to %s was headed by %s, who serves as %s, officials said.", f.place, st.names[f.p1], st.roles[f.p1])
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Leading the team in %s was %s, the %s, who has handled the file for years.", f.place, st.names[f.p1], st.roles[f.p1])
		},
	},
	{ // a time
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The talks in %s began at %d o'clock local time on %s and lasted %d hours.", f.place, 8+n%10, f.day, 2+n%9)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Negotiators in %s started work at %d o'clock on %s and finished %d hours later.", f.place, 8+n%10, f.day, 2+n%9)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The session in %s opened at %d o'clock on %s and ran for %d hours, a diplomat said.", f.place, 8+n%10, f.day, 2+n%9)
		},
	},
	{ // casualties
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("Shelling near %s killed %d civilians on %s, the health ministry said.", f.place, n%60+2, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("The health ministry said %d civilians died in shelling around %s on %s.", n%60+2, f.place, f.day)
		},
		func(st *story, f fact, n int) string {
			return fmt.Sprintf("At least %d civilians were killed on %s when shells hit the outskirts of %s, officials said.", n%60+2, f.day, f.place)
		},
	},
}

// quotation writes quotation i of st as article sentences may: with
// the speaker's full name or surname, before or after the words, now
// and then with a word left out.
func quotation(r *rand.Rand, st *story, i int) string {
	q := st.quotes[i]
	if r.IntN(5) == 0 {
		w := strings.Fields(q)
		k := 1 + r.IntN(len(w)-1)
		q = strings.Join(append(w[:k:k], w[k+1:]...), " ")
	}
	p := st.quoteBy[i]
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("“%s,” %s said.", q, st.names[p])
	case 1:
		return fmt.Sprintf("%s said: “%s.”", st.surnames[p], q)
	case 2:
		return fmt.Sprintf("“%s,” said %s, the %s.", q, st.names[p], st.roles[p])
	}
	return fmt.Sprintf("“%s,” %s told reporters.", q, st.surnames[p])
}

// article writes article k of story st.
func article(r *rand.Rand, st *story, id, k int) string {
	var sents []string
	// A share of the story's facts, each in one of its wordings; one
	// in twenty reports the number differently.
	for _, f := range st.facts {
		if r.IntN(10) >= 6 {
			continue
		}
		n := f.n
		if r.IntN(20) == 0 {
			n += 1 + r.IntN(40)
		}
		ws := phrasings[f.kind]
		sents = append(sents, ws[r.IntN(len(ws))](st, f, n))
	}
	for i := range st.quotes {
		if r.IntN(3) > 0 {
			sents = append(sents, quotation(r, st, i))
		}
	}
	r.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
	total := 25 + r.IntN(26)
	if len(sents) > total-4 {
		sents = sents[:total-4]
	}
	for len(sents) < total {
		at := r.IntN(len(sents) + 1)
		sents = append(sents[:at], append([]string{fillers[r.IntN(len(fillers))](r, st)}, sents[at:]...)...)
	}
	var b strings.Builder
	lead := st.facts[0]
	fmt.Fprintf(&b, "---\ntitle: \"%s: %s in %s\"\noutlet: \"%s\"\nauthor: \"%s %s\"\ndate: \"2025-03-%02d\"\nurl: \"https://news.example/%d/story-%d\"\n---\n\n",
		strings.ToUpper(st.thing[:1])+st.thing[1:], pick(r, []string{"talks continue", "new round of talks", "hopes and doubts", "what we know"}), lead.place,
		outlets[(id/PerStory+k)%len(outlets)], pick(r, firstNames), pick(r, lastNames), 1+(id/PerStory)%28, id, id/PerStory)
	for i := 0; i < len(sents); {
		n := min(2+r.IntN(3), len(sents)-i)
		b.WriteString(strings.Join(sents[i:i+n], " "))
		b.WriteString("\n\n")
		i += n
	}
	return b.String()
}

// Articles returns n articles as source files: slash paths relative to
// the project root ("content/sources/report-0000.md") to their text.
// Article i belongs to story i/PerStory.
func Articles(n int) map[string]string {
	out := make(map[string]string, n)
	for s := 0; s*PerStory < n; s++ {
		r := rand.New(rand.NewPCG(1, uint64(s)))
		st := newStory(r)
		for k := 0; k < PerStory && s*PerStory+k < n; k++ {
			id := s*PerStory + k
			out[fmt.Sprintf("content/sources/report-%05d.md", id)] = article(r, st, id, k)
		}
	}
	return out
}

// Write writes a project of n articles under root, with a brief.yaml.
func Write(root string, n int) error {
	files := Articles(n)
	files["brief.yaml"] = "title: \"Generated briefing\"\nlanguage: en\n"
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
