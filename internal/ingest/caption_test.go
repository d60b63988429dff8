package ingest

import "testing"

func TestRemoveCaptionCredits(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Foto", `<figure><img src="a.jpg"><figcaption>GdP-Vize René Klemmer. Foto: GdP/Hagen Immel</figcaption></figure>`,
			`<figure><img src="a.jpg"/><figcaption>GdP-Vize René Klemmer.</figcaption></figure>`},
		{"Copyright", `<a href="/p"><img src="a.jpg"></a><div>Lee Elder war gesegnet. | © Augusta National/Getty Images</div>`,
			`<a href="/p"><img src="a.jpg"/></a><div>Lee Elder war gesegnet.</div>`},
		{"LinkedAgency", `<figure><img src="a.jpg"><figcaption><p>Erdölpumpen im Abendrot. Bild: <a href="http://x">TebNad/Shutterstock.com</a></p></figcaption></figure>`,
			`<figure><img src="a.jpg"/><figcaption><p>Erdölpumpen im Abendrot.<a href="http://x"></a></p></figcaption></figure>`},
		{"ParenAgency", `<span class="image-caption">Das Hermelin ist gut getarnt. (mlharing / iStock.com)</span>`,
			`<span class="image-caption">Das Hermelin ist gut getarnt.</span>`},
		{"Quelle", `<figcaption>Das FWR fordert Aufklärung. (Quelle: Fleischmann/Unsplash/DJV)</figcaption>`,
			`<figcaption>Das FWR fordert Aufklärung.</figcaption>`},
		{"OnlyCredit", `<figure><img src="a.jpg"><figcaption>© Matthias Hangst/Getty Images</figcaption></figure>`,
			`<figure><img src="a.jpg"/></figure>`},
		{"NameAndAgency", `<figure><img src="a.jpg"><figcaption>The cabaret in Paris <span>Benoit Tessier/Reuters</span></figcaption></figure>`,
			`<figure><img src="a.jpg"/><figcaption>The cabaret in Paris<span></span></figcaption></figure>`},
		{"OnlyNameAndAgency", `<figure><img src="a.jpg"><figcaption>Thomas Jackson/Digital Vision/Getty Images</figcaption></figure>`,
			`<figure><img src="a.jpg"/></figure>`},
		{"Label", `<figure><img src="a.jpg"><figcaption>Fans in Beijing. <span>Credit</span><span>Kevin Frayer/Getty Images</span></figcaption></figure>`,
			`<figure><img src="a.jpg"/><figcaption>Fans in Beijing.<span></span><span></span></figcaption></figure>`},
		{"Separator", `<figcaption>Eine der Anlagen im Becken, Foto: Max Muster</figcaption>`,
			`<figcaption>Eine der Anlagen im Becken</figcaption>`},
		{"Symbolbild", `<figcaption>Das FWR fordert Aufklärung. (Symbolbild: Alex T./AdobeStock)</figcaption>`,
			`<figcaption>Das FWR fordert Aufklärung.</figcaption>`},
		{"NoCredit", `<figure><img src="a.jpg"><figcaption>The bridge, seen from the river at dawn.</figcaption></figure>`,
			`<figure><img src="a.jpg"/><figcaption>The bridge, seen from the river at dawn.</figcaption></figure>`},
		// Not a caption: a paragraph of the story that names an agency.
		{"Paragraph", `<p>He said so in an interview (Reuters).</p><p>Photo: the bridge. Foto: X</p>`,
			`<p>He said so in an interview (Reuters).</p><p>Photo: the bridge. Foto: X</p>`},
		// Words that are also names of credits.
		{"Wenn", `<img src="a.jpg"><p>Lag (wenn ich das richtig mitbekommen hab) am Anbieter.</p>`,
			`<img src="a.jpg"/><p>Lag (wenn ich das richtig mitbekommen hab) am Anbieter.</p>`},
		{"CopyrightWord", `<figcaption>zum Video Deniz Yücel: Erdogans Copyright an meinem Buchtitel</figcaption>`,
			`<figcaption>zum Video Deniz Yücel: Erdogans Copyright an meinem Buchtitel</figcaption>`},
		// A caption that ends with a sentence naming an agency is kept.
		{"ToldReuters", `<figcaption>The minister, who told Reuters he would stay.</figcaption>`,
			`<figcaption>The minister, who told Reuters he would stay.</figcaption>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewritten(t, tt.in, removeCaptionCredits); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
