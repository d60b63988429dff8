package annotate

import (
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestStance covers denials, negation, hedges, bounds and the false
// contradictions of issue 9: each case annotates two one-sentence
// sources and checks the link between them.
func TestStance(t *testing.T) {
	const (
		agree      = "agree"       // must agree
		notAgree   = "not-agree"   // must not agree (none or disagree)
		noConflict = "no-conflict" // must not disagree
		none       = "none"        // must not be linked
	)
	for _, tt := range []struct {
		name   string
		a, b   string
		want   string // agree, notAgree, noConflict, or a DisagreeKind
		reason string // substring of the reason, for disagreements
	}{
		{"Denial", "Boko Haram denies ceasefire claim by Nigeria's government.",
			"Nigeria's government says it has reached a ceasefire agreement with Boko Haram.", string(brief.KindDenial), "“denies”"},
		{"DenialNearMiss", "Boko Haram confirmed the ceasefire agreement with Nigeria's government.",
			"Nigeria's government says it has reached a ceasefire agreement with Boko Haram.", noConflict, ""},
		{"Negation", "Christian Bale will not play Steve Jobs in the biopic.",
			"Christian Bale to play Steve Jobs in the biopic.", string(brief.KindNegation), "“not”"},
		{"NegationBoth", "Christian Bale will not play Steve Jobs in the biopic.",
			"Christian Bale has decided not to play Steve Jobs in the biopic.", noConflict, ""},
		{"NegationOtherPredicate", "Christian Bale will play Steve Jobs, but he did not sign the contract yet.",
			"Christian Bale to play Steve Jobs in the biopic.", noConflict, ""},
		{"Exaggerated", "Reports that Justin Bieber saved a Russian fisherman from a bear may have been greatly exaggerated.",
			"Justin Bieber saved a Russian fisherman from a bear attack.", string(brief.KindDenial), "exaggerated"},
		{"Hoax", "The story that a bear attacked a fisherman in Russia is a hoax.",
			"A bear attacked a fisherman in Russia on Sunday.", string(brief.KindDenial), "hoax"},
		{"Implausible", "Experts say it is not plausible that a spider burrowed under the skin of a man in Bali.",
			"A spider burrowed under the skin of a man in Bali.", string(brief.KindDenial), "plausible"},
		{"Impossible", "Arachnologists find it almost impossible that a spider burrowed under a man's skin in Bali.",
			"A spider burrowed under a man's skin in Bali.", string(brief.KindDenial), "impossible"},
		{"CastDoubt", "Scientists have cast doubt over claims that a spider burrowed under a man's skin in Bali.",
			"A spider burrowed under a man's skin in Bali.", string(brief.KindDenial), "doubt"},
		{"PassiveDenial", "Earlier reports that Lebanese officials had captured the wife of Abu Bakr al-Baghdadi have now been denied by Iraq.",
			"Lebanese officials captured the wife of Abu Bakr al-Baghdadi.", string(brief.KindDenial), "denied"},
		{"DeniedThatClause", "An Iraqi official denied that a woman detained in Lebanon is a wife of Abu Bakr al-Baghdadi.",
			"Lebanon detains wife and son of Abu Bakr al-Baghdadi.", string(brief.KindDenial), "denied"},
		// Without "that", what is denied is the head: a claim without it
		// is not denied ("truce" is not in the second).
		{"DenialHeadMissing", "Boko Haram denies truce to release kidnapped schoolgirls.",
			"Boko Haram's kidnapping of 276 schoolgirls prompted an international campaign for their release.", noConflict, ""},
		{"BothDeny", "Woman detained in Lebanon is not al-Baghdadi's wife, Iraq says.",
			"An Iraqi official denied that a woman detained in Lebanon is a wife of Abu Bakr al-Baghdadi.", noConflict, ""},
		{"NeverHeard", "Arachnologists have never heard of spiders burrowing under human skin.",
			"A spider burrowed under a man's skin in Bali.", string(brief.KindNegation), "never"},
		{"LongScope", "Dr Mark Harvey said he had never heard of spiders being able to survive beneath the skin of any mammal.",
			"A tropical spider lived under the skin of a man for three days.", string(brief.KindNegation), "never"},
		{"NotAble", "Spiders are not able to burrow into human skin, experts say.",
			"A spider burrowed into a man's skin in Bali.", string(brief.KindNegation), "burrow"},
		// A negated verb of saying before an indirect question leaves the
		// matter open.
		{"OpenQuestion", "He did not specify whether Ukraine would be required to cede land to Russia.",
			"Ukraine will be required to cede land to Russia, he said.", noConflict, ""},
		{"OpenQuestionNearMiss", "Ukraine will not be required to cede land to Russia, he said.",
			"Ukraine will be required to cede land to Russia, he said.", string(brief.KindNegation), "not"},
		// Doubt about an outcome or an intention, not a report: no denial.
		{"SkepticismNotReport", "Ukrainian officials expressed skepticism about a ceasefire with Russia.",
			"Ukraine and Russia agreed on a ceasefire, Ukrainian officials said.", noConflict, ""},
		{"NoDoubt", "There is no doubt that a spider burrowed under the man's skin in Bali.",
			"A spider burrowed under the man's skin in Bali.", noConflict, ""},
		{"Reportedly", "Justin Bieber's ringtone reportedly saved a fisherman from a bear.",
			"Justin Bieber's ringtone saved a fisherman from a bear.", notAgree, ""},
		// A fact-check's "Claim:" label and "claimed … that" report
		// without asserting.
		{"ClaimLabel", "Claim: The town of Purdon, Texas was quarantined after a family of five tested positive for Ebola.",
			"The town of Purdon, Texas was quarantined after a family of five tested positive for Ebola.", notAgree, ""},
		{"ClaimLabelNearMiss", "Officials: The town of Purdon, Texas was quarantined after a family of five tested positive for Ebola.",
			"The town of Purdon, Texas was quarantined after a family of five tested positive for Ebola.", agree, ""},
		{"ClaimedLaterThat", "Lebanese army officials claimed on Tuesday that they had detained the wife and son of Abu Bakr al-Baghdadi.",
			"The Lebanese army detained the wife and son of Abu Bakr al-Baghdadi on Tuesday.", notAgree, ""},
		{"ClaimedLaterThatNearMiss", "Lebanese army officials said on Tuesday that they had detained the wife and son of Abu Bakr al-Baghdadi.",
			"The Lebanese army detained the wife and son of Abu Bakr al-Baghdadi on Tuesday.", agree, ""},
		{"ReportThat", "A US website is carrying a report that the street artist Banksy has been identified and arrested.",
			"The street artist Banksy has been identified and arrested.", notAgree, ""},
		{"NotRealBoth", "That ESPN panel on domestic violence you keep hearing about is not real.",
			"There was no panel on domestic violence ever planned for the ESPN show.", noConflict, ""},
		{"NotReal", "That ESPN panel on domestic violence you keep hearing about is not real.",
			"ESPN planned an all-male panel on domestic violence for its show.", string(brief.KindDenial), "not"},
		// "unlikely to" doubts what follows, as a negation does.
		{"UnlikelyTo", "Experts say the degraded chemical weapons that Islamic State seized at the plant are unlikely to be fit for use.",
			"Islamic State used chemical weapons seized at the plant against Iraqi soldiers.", noConflict, ""},
		{"UnlikelyToNearMiss", "Experts say Islamic State is unlikely to have used chemical weapons against Iraqi soldiers.",
			"Islamic State used chemical weapons seized at the plant against Iraqi soldiers.", string(brief.KindDenial), "unlikely"},
		// Doubt about a claim's validity denies it.
		{"DoubtValidity", "Nigerian officials raised doubts on Sunday about the validity of a ceasefire with Boko Haram.",
			"Boko Haram agreed to a ceasefire with the Nigerian government.", string(brief.KindDenial), "doubts"},
		{"ReportedlyBoth", "Justin Bieber's ringtone reportedly saved a fisherman from a bear.",
			"A fisherman was allegedly saved from a bear by Justin Bieber's ringtone.", noConflict, ""},
		{"SpeechDeferred", "The Kremlin has been noncommittal, with spokesman Dmitry Peskov stating they are studying the proposal before making formal comments.",
			"Dmitry Peskov refrained from publicly commenting on the proposal.", noConflict, ""},
		{"SpeechDeferredNearMiss", "Spokesman Dmitry Peskov stated that Russia supports the proposal.",
			"Dmitry Peskov refrained from publicly commenting on the proposal.", string(brief.KindStatus), "refrained"},
		// Two claims that both deny the story agree, whatever words each
		// denies it in: a whole-claim denial ("hoax") and a negation of
		// its predicate, or two denial verbs.
		{"HoaxAndNegation", "The claim that the actor Macaulay Culkin is dead is a hoax.",
			"Macaulay Culkin is not dead, his representatives said.", noConflict, ""},
		{"NegationAndHoax", "Banksy has not been arrested, his publicist said.",
			"The false report that Banksy had been arrested in London spread on social media.", noConflict, ""},
		{"NegationAndHoaxNearMiss", "Banksy has not been arrested, his publicist said.",
			"Police in London have arrested Banksy.", string(brief.KindStatus), "not been arrested"},
		{"DenyAndDismiss", "Boko Haram denies it agreed a ceasefire with the Nigerian government.",
			"The leader of Boko Haram has dismissed claims that the group agreed a ceasefire with the government.", noConflict, ""},
		// Each negates what the other states: one fact, told both ways.
		{"MutualNegation", "The missing students were not found in the mass grave, the prosecutor said.",
			"The bodies found in the mass grave were confirmed as not being the missing students.", noConflict, ""},
		{"MutualNegationNearMiss", "The missing students were not found in the mass grave, the prosecutor said.",
			"The bodies of the missing students were found in the mass grave, the prosecutor said.", string(brief.KindStatus), "not found"},
		// "not a meteorite" denies what a thing is; "not from the
		// meteorite" says where a part came from.
		{"NotAThing", "The explosion in Managua was not a meteorite, NASA suggests.",
			"A small meteorite struck Managua, the government says.", string(brief.KindNegation), "not"},
		{"NotFromThing", "The rocks taken from the crater in Managua were not from the meteorite, a commission member said.",
			"A small meteorite struck Managua, the government says.", noConflict, ""},
		// A negation inside a fear is not asserted.
		{"FearedNegation", "Violence after the ceasefire raises fears that the kidnapped schoolgirls will not be released.",
			"The kidnapped schoolgirls will be released under the ceasefire deal, officials say.", noConflict, ""},
		{"ErroneousThing", "Conal compiled a spreadsheet showing every erroneous charge he had received from Comcast.",
			"Comcast got Conal fired for contesting charges on his bill.", noConflict, ""},
		// Short claims share few words however close they are: one
		// negating the other's very predicate still disagrees, a
		// synonym or another predicate does not.
		{"ShortNegation", "Christian Bale won't play Steve Jobs",
			"Oscar winner Christian Bale to play Steve Jobs in upcoming biopic", string(brief.KindNegation), "won't"},
		{"ShortNegationOtherPredicate", "Christian Bale won't direct Steve Jobs",
			"Oscar winner Christian Bale to star as Steve Jobs in upcoming biopic", noConflict, ""},
		{"DoubtAndNegation", "NASA officials are skeptical that the explosion near Managua's airport was caused by a space object.",
			"The explosion near Managua's airport was not a meteorite, NASA suggests.", noConflict, ""},
		{"NegationAndDeniedReport", "Iraq says the wife of Abu Bakr al-Baghdadi has not been arrested in Lebanon.",
			"Earlier reports that Lebanese officials had captured the wife of Abu Bakr al-Baghdadi have now been denied by Iraq.", noConflict, ""},
		// Two ways of saying one thing did not happen: a refusal and a
		// negation, "not yet" and "no … yet", a contraction without its
		// apostrophe, a plan ("was to be launched") and a future.
		{"RefusalAndNegation", "Judge Carlson said on Tuesday he would not recuse himself from the case.",
			"Officials said Judge Carlson refused to recuse himself from the case.", noConflict, ""},
		{"RefusalNearMiss", "Officials said Judge Carlson refused to recuse himself from the case.",
			"Judge Carlson recused himself from the case on Tuesday, officials said.", string(brief.KindStatus), "refused"},
		{"DeclinedAndNoComment", "O'Brien's attorney, Jordan Green, declined to comment on the charges.",
			"Jordan Green, O'Brien's attorney, said he had no comment on the charges.", noConflict, ""},
		{"NotYetAndNo", "Prosecutors have not yet testified to what the DNA tests of the three items yielded.",
			"There has been no testimony yet about what the DNA tests of the three items yielded.", noConflict, ""},
		{"NotYetCharged", "The Foreign Office says that Heaton is in detention but has not yet been charged with any offence.",
			"The Foreign Office said Heaton was in Saudi detention but had not been charged with any offence.", noConflict, ""},
		{"NoApostrophe", "Some of the company's software developers will join Microsoft, but details haven't been finalized, Nash said.",
			"Some of the companys software developers will join Microsoft, but details havent been finalized, Nash said.", noConflict, ""},
		{"WasToBe", "Called Taxpayers Against the Recall, the campaign was to be launched Wednesday outside a Sacramento fire station.",
			"The new campaign, Taxpayers Against the Recall, will be formally launched today outside a Sacramento fire station.", noConflict, ""},
		{"FictionFinalists", "Shirley Hazzard and Edward P. Jones, who needed a decade to complete their novels, are among this year's nominees.",
			"Shirley Hazzard and Edward P. Jones, who needed a decade to complete their novels, are among the fiction finalists.", noConflict, ""},
		// A status reported, not asserted, does not contradict its negation.
		{"ReportedStatus", "Banksy has not been arrested, his publicist said.",
			"An article circulating online claims that Banksy has been arrested.", noConflict, ""},
		// "fake" before a noun that is not a report says the thing is
		// forged, not that the claim is untrue.
		{"FakeThing", "The woman was detained in northern Lebanon after she was found with a fake passport.",
			"The woman detained in northern Lebanon is the former wife of the militant leader, officials said.", noConflict, ""},
		{"FakeThingNearMiss", "The report that the woman detained in northern Lebanon is the militant leader's wife is fake.",
			"The woman detained in northern Lebanon is the former wife of the militant leader, officials said.", string(brief.KindDenial), "fake"},
		// A claim stating both values is about two things, one of them
		// the other claim's.
		{"BothValues", "Apple is working on a 12-inch MacBook Air, a report says.",
			"The new twelve-inch model would be smaller than the 13-inch MacBook Air sold today.", noConflict, ""},
		{"BothValuesCount", "The militants killed 300 soldiers with chlorine gas, the MP said.",
			"The militants killed 300 out of 400 soldiers they had besieged, using chlorine gas.", noConflict, ""},
		{"BothValuesNearMiss", "The militants killed 300 soldiers with chlorine gas, the MP said.",
			"The militants killed 200 soldiers with chlorine gas, the ministry said.", string(brief.KindNumber), "300"},
		{"NearlyADozen", "Militants seized 11 commercial jetliners at the airport in Tripoli.",
			"Militias took control of nearly a dozen commercial jetliners at the airport in Tripoli.", noConflict, ""},
		{"Bounds", "The economy added more than 110,000 jobs in March.",
			"The economy added more than 111,000 jobs in March.", noConflict, ""},
		{"UpperBound", "Dioxin levels in the river have fallen by as much as 76 percent since 1970, the institute said.",
			"Dioxin levels in the river have dropped by 75 percent since 1970, the institute said.", noConflict, ""},
		{"UpperBoundConflict", "Dioxin levels in the river have fallen by as much as 60 percent since 1970, the institute said.",
			"Dioxin levels in the river have dropped by 75 percent since 1970, the institute said.", string(brief.KindNumber), "60"},
		{"DayFirst", "Sales for the 17 weeks to 27 December were flat, the retailer said.",
			"Sales for the 17 weeks to December 27 were flat, the retailer said.", noConflict, ""},
		{"MonthAndDay", "Sales in December were flat at the retailer, the company said.",
			"Sales to December 27 were flat at the retailer, the company said.", noConflict, ""},
		{"DayFirstConflict", "The retailer closed its stores in Leeds on 20 December, the company said.",
			"The retailer closed its stores in Leeds on December 27, the company said.", string(brief.KindTime), "December"},
		{"Acronym", "ECB President Wim Duisenberg said it was too soon to discuss further rate cuts in the euro zone.",
			"European Central Bank President Wim Duisenberg said it was too soon to discuss further rate cuts in the euro zone.", agree, ""},
		{"AcronymConflict", "ECB President Wim Duisenberg said it was too soon to discuss further rate cuts in the euro zone.",
			"European Investment Bank President Wim Duisenberg said it was too soon to discuss further rate cuts in the euro zone.", string(brief.KindRole), "ECB"},
		// An acronym in parentheses is another name of the office's
		// portfolio, not a portfolio of its own.
		{"ParenAcronym", "The Islamic State (IS) leader Abu Bakr al-Baghdadi has not been seen since the airstrike.",
			"Islamic State leader Abu Bakr al-Baghdadi has not been seen since the airstrike.", noConflict, ""},
		{"ParenAcronymNearMiss", "The Islamic State (IS) Finance Minister Abu Ali al-Anbari was killed in the airstrike.",
			"Islamic State Oil Minister Abu Ali al-Anbari was killed in the airstrike.", string(brief.KindRole), "Finance"},
		{"BoundsConflict", "The attack left 31 people dead, officials said.",
			"At least 45 people were killed in the attack, officials said.", string(brief.KindNumber), "31"},
		{"Age", "Igor Vorozhbitsyn, 42, was fishing when the bear attacked.",
			"Igor Vorozhbitsyn, 53, was fishing when the bear attacked.", string(brief.KindNumber), "42"},
		{"AgeForms", "The 42-year-old fisherman Igor Vorozhbitsyn was attacked by a bear.",
			"Igor Vorozhbitsyn, a fisherman aged 53, was attacked by a bear.", string(brief.KindNumber), "53"},
		{"Tense", "The fisherman was attacked by a bear near the lake.",
			"The fisherman was being attacked by a bear near the lake.", noConflict, ""},
		// A future or conditional auxiliary governs the participles
		// coordinated with its predicate.
		{"CoordinatedFuture", "All 16 crew members survived and would be tested for drugs and alcohol, the mayor said.",
			"The ferry's crew will be interviewed and tested for drugs and alcohol, the mayor said.", noConflict, ""},
		{"CoordinatedFutureNearMiss", "The ferry's crew will be interviewed and tested for drugs and alcohol, the mayor said.",
			"The ferry's crew were tested for drugs and alcohol on Monday, the mayor said.", string(brief.KindStatus), "tested"},
		{"Possible", "Justin Bieber's song could save you from a bear attack, wildlife experts joked.",
			"Justin Bieber's song saved a fisherman from a bear attack.", noConflict, ""},
		{"Rebuff", "DHS rebuffs congressman's claim that ISIS is infiltrating the southern border.",
			"ISIS fighters are infiltrating the southern border, a congressman said.", string(brief.KindDenial), "“rebuffs”"},
		{"ShootDown", "Jeh Johnson shoots down Duncan Hunter's claim that ISIS fighters were caught at the border.",
			"Border Patrol caught at least 10 ISIS fighters at the border, Duncan Hunter said.", string(brief.KindDenial), "“shoots down”"},
		{"ShootDownNoClaim", "The army shot down a drone over the border on Sunday.",
			"A drone flew over the border on Sunday.", noConflict, ""},
		{"SatiricalStory", "The story that Banksy was arrested in London first ran on a satirical website.",
			"Banksy was arrested in London on Monday.", string(brief.KindDenial), "“satirical”"},
		{"SatiricalPaper", "Banksy shared a drawing after an attack on the Paris office of the satirical newspaper Charlie Hebdo.",
			"Banksy shared a drawing after the attack in Paris.", noConflict, ""},
		// Opposite things said of one subject.
		{"Opposite", "Oil prices rose sharply on Monday after the attack on the refinery.",
			"Oil prices fell sharply on Monday after the attack on the refinery.", string(brief.KindOpposite), "“rose” vs “fell”"},
		{"OppositeOutcome", "Smith won the runoff for mayor of Springfield on Tuesday.",
			"Smith lost the runoff for mayor of Springfield on Tuesday.", string(brief.KindOpposite), "“won” vs “lost”"},
		{"OppositeState", "The Rafah border crossing reopened on Monday, Egyptian officials said.",
			"The Rafah border crossing was closed on Monday, Egyptian officials said.", string(brief.KindOpposite), "“reopened” vs “closed”"},
		{"OppositeTwoSubjects", "Spain won the final against England in Sydney on Sunday.",
			"England lost the final to Spain in Sydney on Sunday.", noConflict, ""},
		{"OppositeBothInOne", "Stocks rose in early trading on Wall Street while bonds fell.",
			"Bonds fell in early trading on Wall Street.", noConflict, ""},
		{"OppositeOtherDay", "Oil prices rose sharply on Monday after the attack on the refinery.",
			"Oil prices fell sharply on Tuesday after the attack on the refinery.", noConflict, ""},
		{"OppositeNegated", "The jury found Smith not guilty of murder on Friday.",
			"The jury found Smith innocent of murder on Friday.", noConflict, ""},
		// "Gone viral" says a story spread, not that it is doubtful;
		// a viral rumour is still a rumour.
		{"ViralNoHedge", "A video of an airport worker stripping naked to go through a security scanner in protest at rough guards has gone viral.",
			"An airport worker stripped naked to go through a security scanner in protest at rough guards.", agree, ""},
		{"ViralRumour", "A viral rumour says an airport worker stripped naked to go through a security scanner in protest at rough guards.",
			"An airport worker stripped naked to go through a security scanner in protest at rough guards.", notAgree, ""},
		// Two one-sentence sources: the names they share are not the
		// least of their weight (index.idfShared).
		{"SharedNamesSmallCorpus", "ISIS beheads photojournalist James Wright Foley in a message to the US to end its intervention in Iraq.",
			"ISIS beheads American photo-journalist James Wright Foley, threatens more to come", agree, ""},
		// A headline quoted is reported, not asserted.
		{"QuotedHeadline", "The New York Post followed up with a story of its own under the headline: “High school student scores $72M playing the stock market.”",
			"A high school student made $72 million playing the stock market.", notAgree, ""},
		{"MadeHeadlines", "The story made headlines around the world after a high school student made $72 million playing the stock market.",
			"A high school student made $72 million playing the stock market.", agree, ""},
		// One speaker quoted saying two different things: two facts.
		{"OtherQuotes", "“We urge Russia to accept this plan,” White House Press Secretary Karoline Leavitt stated.",
			"Karoline Leavitt described the push as “part of our continued efforts to press Russia to agree to a ceasefire.”", notAgree, ""},
		{"OtherQuotesSameQuote", "“We urge Russia to accept this plan,” White House Press Secretary Karoline Leavitt stated on Thursday.",
			"Karoline Leavitt told reporters: “We urge Russia to accept this plan.”", agree, ""},
		// One mover there, another on the way: two facts.
		{"TwoStages", "US officials are en route to Moscow for talks on the ceasefire.",
			"Envoy Steve Witkoff arrived in Moscow for talks on the ceasefire.", notAgree, ""},
		{"TwoStagesSameMover", "A US delegation is on its way to Moscow for talks on the ceasefire.",
			"A US delegation arrived in Moscow for talks on the ceasefire.", string(brief.KindStatus), "on its way"},
		{"TwoStagesBothDone", "US officials arrived in Moscow for talks on the ceasefire.",
			"Envoy Steve Witkoff arrived in Moscow for talks on the ceasefire.", noConflict, ""},
		// Who does what to whom, reversed: two claims, not one.
		{"RolesSwapped", "Russia accused Ukraine of violating the ceasefire on Sunday.",
			"Ukraine accused Russia of violating the ceasefire on Sunday.", notAgree, ""},
		{"RolesSwappedNounVerb", "The Lakers beat the Celtics 102-98 on Tuesday night.",
			"The Celtics beat the Lakers 102-98 on Tuesday night.", notAgree, ""},
		{"RolesSwappedCommonNouns", "The monkey is brushing a bull dog.", "A bull dog is brushing the monkey.", notAgree, ""},
		{"RolesSymmetricVerb", "Putin met Trump in Helsinki on Monday.", "Trump met Putin in Helsinki on Monday.", agree, ""},
		{"RolesCoordinated", "Ukraine and Russia exchanged 200 prisoners on Friday.",
			"Russia and Ukraine exchanged 200 prisoners on Friday.", agree, ""},
		{"RolesPassive", "Police arrested the suspect in Paris on Friday.",
			"The suspect was arrested by police in Paris on Friday.", agree, ""},
		{"RolesVoiceInHeadline", "ISIS beheads photojournalist James Wright Foley in new video.",
			"James Wright Foley Beheaded in New ISIS Video", agree, ""},
		{"Spelling", "Officials called the rescue a marvelous achievement of the team.",
			"Officials called the rescue a marvellous achievement of the team.", agree, ""},
		{"TitleCase", "Utah Man Hospitalized After Winning Eggnog Chugging Contest",
			"A man was hospitalized after winning an eggnog chugging contest in Utah.", agree, ""},
		{"AllCaps", "MAN HOSPITALIZED AFTER WINNING EGGNOG CHUGGING CONTEST",
			"A man was hospitalized after winning an eggnog chugging contest in Utah.", agree, ""},
		// A time conflict needs one event: one predicate, one place.
		{"TimeOtherEvent", "Fatima Moreno met Rafael Zelensky in Riga on Saturday to discuss the energy truce, officials said.",
			"Fatima Moreno said the energy truce had been formally signed in Riga on Friday night.", none, ""},
		{"TimeOtherPlace", "Travelling from Tokyo, Elena Nasser landed in Vienna on Monday ahead of the negotiations.",
			"Travelling from Doha, Elena Nasser landed in Cairo on Thursday ahead of the negotiations.", none, ""},
		{"TimeSameEvent", "Adebayo Peskov arrived in Bogota on Sunday after a flight from Quito.",
			"Travelling from Quito, Adebayo Peskov landed in Bogota on Monday ahead of the negotiations.", string(brief.KindTime), "Sunday"},
		{"PlaceOtherDay", "On Saturday, Noura Nowak held talks with Volodymyr Wei in Muscat about the reconstruction fund.",
			"On Sunday, Volodymyr Wei held talks with Noura Nowak in Hanoi about the reconstruction fund.", none, ""},
		{"PlaceOtherDayNearMiss", "On Saturday, Noura Nowak held talks with Volodymyr Wei in Muscat about the reconstruction fund.",
			"On Saturday, Volodymyr Wei held talks with Noura Nowak in Hanoi about the reconstruction fund.", string(brief.KindPlace), "Hanoi"},
		// A name of a denial's scope written as a plain word in the other
		// claim ("Priest'" opens a sentence; "Catholic Priest" is in a
		// Title Case line).
		{"DenialNameAsWord", "Priest' claim of seeing God as a woman dismissed as hoax",
			"Catholic Priest Claims God Is Female After Near-Death Experience", string(brief.KindDenial), "hoax"},
		{"DenialNameAsWordNearMiss", "Priest' claim of seeing God as a woman welcomed by his parish",
			"Catholic Priest Claims God Is Female After Near-Death Experience", noConflict, ""},
		{"QuestionsWhether", "NASA questions whether the crater in Nicaragua was caused by a meteorite.",
			"A rare meteorite impact caused a blast in Nicaragua's capital, Managua.", string(brief.KindDenial), "questions whether"},
		{"QuestionsWhetherNearMiss", "NASA questions how a meteorite could cause the crater in Nicaragua.",
			"A rare meteorite impact caused a blast in Nicaragua's capital, Managua.", noConflict, ""},
		{"WithdrawalTitleCase", "That Was Fast: Christian Bale Bails on Steve Jobs Biopic",
			"Christian Bale to play Steve Jobs in upcoming biopic", string(brief.KindStatus), "“Bails on” vs “to play”"},
		// A denied clause stated in other words: two of its words, in
		// two claims naming one entity.
		{"DenialLooseClause", "The leader of Boko Haram has dismissed claims by the government that it has signed a truce or agreed to release the kidnapped schoolgirls.",
			"Boko Haram 'to release abducted schoolgirls' as part of ceasefire agreement", string(brief.KindDenial), "dismissed"},
		{"DenialLooseClauseNearMiss", "The leader of Boko Haram has dismissed claims by the government that it has signed a truce or agreed to release the kidnapped schoolgirls.",
			"Parents of the abducted schoolgirls marched in Abuja to demand their release", noConflict, ""},
		// A claim negating something of what the other states does not
		// agree with it, though it may not conflict either.
		{"OppositePolarity", "Comcast is not asking customers to stop using Tor, or any other browser.",
			"Comcast blocks Tor", notAgree, ""},
		{"OppositePolarityBoth", "We don't know at this point if the investigation includes one or more outside contractors.",
			"We do not know if the current investigation involves one or more contractors, she said.", agree, ""},
		{"OppositePolarityOtherClause", "Putin said the talks in Moscow were useful but gave no details.",
			"Putin said the talks in Moscow were useful.", agree, ""},
		// A short claim tied to the other by a value, not a name.
		{"DenialSharedValue", "Ahmed Karim Denies Making $72 Million From Stock Market Trading",
			"NYC High School Student Nicknamed ‘Teen Wolf’ Made $72 Million On Stock Market", string(brief.KindStatus), "“Denies Making”"},
		{"DenialSharedValueNearMiss", "Ahmed Karim Denies Making $15 Million From Stock Market Trading",
			"NYC High School Student Nicknamed ‘Teen Wolf’ Made $72 Million On Stock Market", noConflict, ""},
		{"DenialDemonym", "NASA Raises Doubts About Reports of Nicaraguan Meteorite",
			"Small Meteorite Strikes in Nicaragua's Capital City of Managua", string(brief.KindDenial), "Doubts"},
		{"DenialDemonymNearMiss", "NASA Raises Doubts About Reports of Nicaraguan Meteorite",
			"Small Meteorite Strikes in Kenya's Capital City of Nairobi", noConflict, ""},
		// Withdrawing from what the other claim says one takes part in.
		{"Withdrawal", "Christian Bale Exits Steve Jobs Movie",
			"Christian Bale to play Steve Jobs in upcoming biopic", string(brief.KindStatus), "“Exits” vs “to play”"},
		{"WithdrawalPhrasal", "The champion Rafael Nadal pulled out of the Paris Masters on Monday with a wrist injury.",
			"Rafael Nadal will compete at the Paris Masters this week, his team said.", string(brief.KindStatus), "“pulled out”"},
		{"WithdrawalNegated", "Christian Bale did not quit the Steve Jobs movie, his agent said.",
			"Christian Bale to play Steve Jobs in upcoming biopic", noConflict, ""},
		{"WithdrawalBoth", "Christian Bale quits Steve Jobs movie",
			"Christian Bale will not play Steve Jobs after all", noConflict, ""},
		{"WithdrawalOtherPerson", "Leonardo DiCaprio quits Steve Jobs movie",
			"Christian Bale to play Steve Jobs in upcoming biopic", noConflict, ""},
		{"WithdrawalQuestion", "Who Should Play Steve Jobs Now That Christian Bale Quit?",
			"Christian Bale to play Steve Jobs in upcoming biopic", noConflict, ""},
		// Two people or two places doing alike things are two events:
		// neither agreement nor a conflict of their days.
		{"OtherActors", "Travelling from Cairo, Jonas Dmitriev landed in Muscat on Tuesday ahead of the talks.",
			"Travelling from Kherson, Yuri Rutte landed in Muscat on Friday ahead of the talks.", none, ""},
		{"OtherActorsNearMiss", "Travelling from Cairo, Jonas Dmitriev landed in Muscat on Tuesday ahead of the talks.",
			"Travelling from Cairo, Jonas Dmitriev landed in Muscat on Friday ahead of the talks.", string(brief.KindTime), "Friday"},
		{"OtherActorsVariant", "Kim had ankle surgery in Pyongyang on Tuesday, the newspaper reported.",
			"Kim Jong Un had ankle surgery in Pyongyang on Friday, the newspaper reported.", string(brief.KindTime), "Friday"},
		{"OtherActorsSpeakers", "The peace plan would last 90 days if both sides sign it, Yuri Rutte told reporters.",
			"The peace plan would last 90 days if both sides sign it, Jonas Dmitriev told reporters.", agree, ""},
		{"OtherPlaces", "Shelling near Oslo killed 3 civilians on Saturday, the health ministry said.",
			"The health ministry said 3 civilians died in shelling near Addis Ababa on Thursday.", none, ""},
		{"OtherPlacesNearMiss", "Shelling near Oslo killed 3 civilians on Saturday, the health ministry said.",
			"The health ministry said 3 civilians died in shelling near Oslo on Thursday.", string(brief.KindTime), "Thursday"},
		{"OtherPlacesOpening", "Markets in Dhaka reacted calmly to news of the trade accord, with the currency up 0.2 percent by the close of trading on Thursday.",
			"Markets in Amman reacted calmly to news of the trade accord, with the currency up 0.2 percent by the close of trading on Sunday.", none, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := pairLink(t, tt.a, tt.b, strings.Fields(tt.a)[0], strings.Fields(tt.b)[0])
			rel := brief.Relation("none")
			if ok {
				rel = l.Relation
			}
			switch tt.want {
			case none:
				if ok {
					t.Fatalf("got %s %s (%s), want no link", rel, l.Kind, l.Reason)
				}
			case agree:
				if rel != brief.Agree {
					t.Fatalf("got %s (%s %s), want agree", rel, l.Kind, l.Reason)
				}
			case notAgree:
				if rel == brief.Agree {
					t.Fatalf("got agree (%s), want none or disagree", l.Reason)
				}
			case noConflict:
				if rel == brief.Disagree {
					t.Fatalf("got disagree %s: %s", l.Kind, l.Reason)
				}
			default:
				if rel != brief.Disagree || string(l.Kind) != tt.want {
					t.Fatalf("got %s %s (%s), want disagree %s", rel, l.Kind, l.Reason, tt.want)
				}
				if !strings.Contains(l.Reason, tt.reason) {
					t.Fatalf("reason %q lacks %q", l.Reason, tt.reason)
				}
			}
		})
	}
}

// TestDebunked: an article that retells a story to deny it disagrees
// with the story and does not confirm it: its retelling's agreement is
// dropped, its denial disagrees even with a sentence it shares little
// with. Without the denial the retelling agrees.
func TestDebunked(t *testing.T) {
	const story = "A tropical spider burrowed under the skin of Dylan Thomas through his appendix scar during a trip to Bali."
	for _, tt := range []struct {
		name, body string
		debunk     bool
	}{
		{"Debunk", "Dylan Thomas said a tropical spider burrowed under his skin through his appendix scar in Bali. " +
			"But arachnologists say spiders don't burrow in skin.", true},
		{"Retell", "Dylan Thomas said a tropical spider burrowed under his skin through his appendix scar in Bali. " +
			"Arachnologists say such cases are rare.", false},
		// A denial of something else in the article is no denial of the story.
		{"OtherDenial", "Dylan Thomas said a tropical spider burrowed under his skin through his appendix scar in Bali. " +
			"The hotel denied that its rooms had bed bugs.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ann, err := Annotate(t.Context(), []*brief.Source{
				{ID: "a", Body: []byte(story)}, {ID: "b", Body: []byte(tt.body)},
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			agree := slices.ContainsFunc(ann.Links, func(l brief.Link) bool { return l.Relation == brief.Agree })
			disagree := slices.ContainsFunc(ann.Links, func(l brief.Link) bool { return l.Relation == brief.Disagree })
			if agree == tt.debunk || disagree != tt.debunk {
				t.Fatalf("agree %v, disagree %v, want debunk %v: %v", agree, disagree, tt.debunk, ann.Links)
			}
			inFact := slices.ContainsFunc(ann.Clusters, func(c brief.Cluster) bool { return slices.Contains(c.Sources, "b") })
			if inFact == tt.debunk {
				t.Fatalf("b among a fact's sources: %v, want %v", inFact, !tt.debunk)
			}
		})
	}
}

// TestDescription checks that a description stands for the one person a
// source gives that title, and not for one of two.
func TestDescription(t *testing.T) {
	for _, tt := range []struct {
		name, body, claim string
		want              bool
	}{
		{"One", "US envoy Steve Witkoff is expected in Moscow. President Trump’s envoy has landed in Moscow.", "President Trump’s envoy", true},
		{"Two", "US envoy Steve Witkoff is expected in Moscow. Envoy Keith Kellogg is in Kyiv. The envoy has landed in Moscow.", "The envoy", false},
		{"NoTitle", "Steve Witkoff is expected in Moscow. The envoy has landed in Moscow.", "The envoy", false},
		// A former holder holds no title; an appositive describes the
		// name before it.
		{"Former", "Former envoy Steve Witkoff is in Florida. The envoy has landed in Moscow.", "The envoy", false},
		{"Appositive", "Keith Kellogg, the envoy, has landed in Moscow. US envoy Steve Witkoff is in Florida.", "Keith Kellogg", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := extractSource(&brief.Source{ID: "a", Body: []byte(tt.body)}, Options{}.lexicon())
			for _, f := range d.feats {
				if !strings.HasPrefix(f.claim.Text, tt.claim) {
					continue
				}
				got := slices.ContainsFunc(f.ments, func(m mention) bool { return m.Key == "steve witkoff" })
				if got != tt.want {
					t.Fatalf("%q names Steve Witkoff: %v, want %v", f.claim.Text, got, tt.want)
				}
				return
			}
			t.Fatalf("no claim %q", tt.claim)
		})
	}
}

// TestDateSpelling: an abbreviated month is the same date.
func TestDateSpelling(t *testing.T) {
	l, ok := pairLink(t, "The storm hit Port Alder on Dec. 29, officials said.",
		"The storm hit Port Alder on December 29, officials said.", "The storm", "The storm")
	if ok && l.Relation == brief.Disagree {
		t.Fatalf("flagged %s: %s", l.Kind, l.Reason)
	}
	l, ok = pairLink(t, "The storm hit Port Alder on Dec. 29, officials said.",
		"The storm hit Port Alder on December 23, officials said.", "The storm", "The storm")
	if !ok || l.Kind != brief.KindTime {
		t.Fatalf("got %v %s %s, want time", ok, l.Kind, l.Reason)
	}
}

// TestHeadlineWindow: a headline agrees with an article that states its
// fact over two sentences, and not with one that does not state it.
func TestHeadlineWindow(t *testing.T) {
	head := "Justin Bieber Song Saves Russian Fisherman From Bear Attack"
	for _, tt := range []struct {
		name, body string
		want       bool
	}{
		{"Spread", "A man fishing on a lake in Russia was attacked by a bear on Sunday. It fled when his phone played a song by Justin Bieber.", true},
		{"Other", "Justin Bieber released a new album on Friday. Critics in Russia praised its songs.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ann, err := Annotate(t.Context(), []*brief.Source{
				{ID: "a", Body: []byte(head)}, {ID: "b", Body: []byte(tt.body)},
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := slices.ContainsFunc(ann.Links, func(l brief.Link) bool { return l.Relation == brief.Agree })
			if got != tt.want {
				t.Fatalf("agree link %v, want %v (%v)", got, tt.want, ann.Links)
			}
		})
	}
}

// TestHeadlineWindowOffsets: a window of two sentences keeps every
// name's byte range inside the window's own text. Before, the second
// sentence's names kept ranges into that sentence alone, and reading the
// words between a name of the first and one of the second sliced
// backwards (a panic on three FNC-1 training articles).
func TestHeadlineWindowOffsets(t *testing.T) {
	body := "SEOUL — Kim Jong Un, the North Korean leader who has not been seen in public for almost a month, is only recovering from an operation on his ankle, a South Korean newspaper has reported.\n\n" +
		"France, Germany and Britain offered doctors."
	d := extractSource(&brief.Source{ID: "b", Body: []byte(body)}, Options{}.lexicon())
	if len(d.feats) != 2 {
		t.Fatalf("%d claims, want 2", len(d.feats))
	}
	w := mergeNodes(&node{f: d.feats[0]}, &node{f: d.feats[1]})
	text := w.f.claim.Text
	for _, m := range w.f.ments {
		if m.Start < 0 || m.End > len(text) || m.Start > m.End || !strings.Contains(text[m.Start:m.End], m.Name) {
			t.Errorf("mention %q at [%d:%d] of %q", m.Name, m.Start, m.End, text)
		}
	}
	for k := range w.f.ments {
		inList(text, w.f.ments, k) // must not panic
	}
	if d.feats[0].claim.Text == text {
		t.Error("window shares the first sentence's claim")
	}
}

// TestInListOrder: mentions resolved from descriptions come after a
// claim's own; the list test finds neighbours by position.
func TestInListOrder(t *testing.T) {
	text := "Kim Jong Un, the leader, met France, Germany and Britain."
	at := func(name string) mention {
		i := strings.Index(text, name)
		return mention{Name: name, Start: i, End: i + len(name)}
	}
	ms := []mention{at("Kim Jong Un"), at("France"), at("Germany"), at("Britain"), at("leader")}
	for k, want := range []bool{false, true, true, true, false} {
		if got := inList(text, ms, k); got != want {
			t.Errorf("%s: inList %v, want %v", ms[k].Name, got, want)
		}
	}
}

// TestReachSense: "reach" with an agreement noun beside it is agreeing
// ("reached a deal", "a truce, reached during talks"), and shares its
// match key with "agree", not with "arrive"; reaching a place keeps its
// own.
func TestReachSense(t *testing.T) {
	lex := Options{}.lexicon()
	agreeKey, _ := matchKey(lex, "agree")
	reachKey, _ := matchKey(lex, "reach")
	for _, tt := range []struct {
		text string
		want string
	}{
		{"Ukraine and Russia reached a ceasefire deal on Tuesday.", agreeKey},
		{"The 30-day truce, reached during talks in Jeddah, holds.", agreeKey},
		{"The delegation reached Moscow on Thursday morning.", reachKey},
		{"The convoy reached the border long after the deal was signed.", reachKey},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := extractSource(&brief.Source{ID: "a", Body: []byte(tt.text)}, lex)
			if len(d.feats) != 1 {
				t.Fatalf("%d claims", len(d.feats))
			}
			for _, w := range d.feats[0].words {
				if strings.HasPrefix(strings.ToLower(w.text), "reach") {
					if w.key != tt.want {
						t.Fatalf("%q has key %q, want %q", w.text, w.key, tt.want)
					}
					return
				}
			}
			t.Fatalf("no word for reach in %v", d.feats[0].words)
		})
	}
}

// TestSharedEvent: a long sentence that states an arrival among many
// details agrees with a short one stating the arrival alone when the
// mover's name and the place are the same; another mover, another
// place or a pending arrival do not agree.
func TestSharedEvent(t *testing.T) {
	const long = "America’s Middle East Envoy Steve Witkoff flew into Moscow’s Vnukovo airport on Thursday morning, " +
		"having travelled from Doha, Qatar by way of European airspace on a Gulfstream executive jet."
	for _, tt := range []struct {
		name, a, b string
		agree      bool
	}{
		{"SameEvent", long, "Steve Witkoff arrived in Moscow to discuss a proposed ceasefire with Russian officials.", true},
		{"OtherMover", "Lukashenko also flew into Moscow on Thursday, landing at the same airport as the American jet.",
			"Steve Witkoff arrived in Moscow to discuss a proposed ceasefire with Russian officials.", false},
		{"OtherPlace", long, "Steve Witkoff arrived in Riyadh to discuss a proposed ceasefire with Saudi officials.", false},
		{"Pending", long, "Steve Witkoff is heading to Moscow to discuss a proposed ceasefire with Russian officials.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := pairLink(t, tt.a, tt.b, strings.Fields(tt.a)[0], strings.Fields(tt.b)[0])
			if got := ok && l.Relation == brief.Agree; got != tt.agree {
				t.Fatalf("agree %v (%v %s %s), want %v", got, ok, l.Kind, l.Reason, tt.agree)
			}
		})
	}
}

// TestParticleName: an Arabic name's hyphenated particle ("al-") keeps
// the name whole and a Title Case headline holding it Title Case; a
// lower-case word after the hyphen is no name.
func TestParticleName(t *testing.T) {
	lex := Options{}.lexicon()
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"The Islamic State leader Abu Bakr al-Baghdadi has not been killed.", "abu bakr al-baghdadi", true},
		{"Egypt's president Abdel Fattah el-Sisi met the envoy.", "abdel fattah el-sisi", true},
		{"They dined al-fresco with Abu Bakr on Friday.", "abu bakr al-fresco", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := extractSource(&brief.Source{ID: "a", Body: []byte(tt.text)}, lex)
			got := slices.ContainsFunc(d.feats[0].ments, func(m mention) bool { return m.Key == tt.name })
			if got != tt.want {
				t.Fatalf("mention %q: %v, want %v (%v)", tt.name, got, tt.want, d.feats[0].ments)
			}
		})
	}
	if !titleCase(tokenize("Wife Of ISIS Leader Abu Bakr al-Baghdadi Detained In Lebanon")) {
		t.Error("a Title Case headline with al-Baghdadi is not Title Case")
	}
	l, ok := pairLink(t, "Urgent: The Leader of ISIL 'Abu Bakr al-Baghdadi' Killed! / Photo",
		"The Islamic State (IS) leader Abu Bakr al-Baghdadi has not been killed as has been previously claimed.", "Urgent", "The")
	if ok && l.Relation == brief.Agree {
		t.Errorf("a denial agrees with the headline it denies: %s", l.Reason)
	}
}

// TestJoinedCompound: a hyphenated compound whose parts joined are a
// common word is that word ("cease-fire" / "ceasefire"); others keep
// their parts ("well-known" has "known").
func TestJoinedCompound(t *testing.T) {
	lex := Options{}.lexicon()
	keys := func(text string) []string {
		d := extractSource(&brief.Source{ID: "a", Body: []byte(text)}, lex)
		return wordKeys(d.feats[0])
	}
	joined, _ := matchKey(lex, "ceasefire")
	if got := keys("Boko Haram denied agreeing to any cease-fire with the government."); !slices.Contains(got, joined) {
		t.Errorf("cease-fire: keys %q lack %q", got, joined)
	}
	known, _ := matchKey(lex, "known")
	if got := keys("The well-known artist was arrested in London."); !slices.Contains(got, known) {
		t.Errorf("well-known: keys %q lack %q", got, known)
	}
}

// TestMostReported: the claims with agree links to two or more others,
// the most first, ties by index; disagreements do not count.
func TestMostReported(t *testing.T) {
	c := &corpus{}
	agree := brief.Link{Relation: brief.Agree}
	disagree := brief.Link{Relation: brief.Disagree}
	links := []brief.Link{agree, agree, agree, agree, agree, disagree, disagree}
	ends := [][2]int{{0, 1}, {0, 2}, {0, 3}, {4, 1}, {4, 2}, {5, 1}, {5, 2}}
	got := c.mostReported(links, ends)
	if want := []int{0, 1, 2, 4}; !slices.Equal(got, want) {
		t.Fatalf("mostReported = %v, want %v", got, want)
	}
}

// TestSharedEventCandidate: in the seeds, "Witkoff’s plane had landed in
// Moscow" and "Steve Witkoff arrived in Moscow" share an arrival, but
// "Witkoff" and "Moscow" are in so many claims that no other key made
// them a candidate pair; the event key does.
func TestSharedEventCandidate(t *testing.T) {
	a := New()
	for _, s := range loadCorpus(t, "seeds") {
		a.Update(s)
	}
	if _, err := a.Annotation(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	var docs []*docFeat
	for _, id := range sortedKeys(a.docs) {
		docs = append(docs, a.docs[id].doc)
	}
	c, _ := prepare(docs, a.lex, nil, false, false)
	find := func(prefix string) int32 {
		for i, n := range c.nodes {
			if strings.Contains(n.f.claim.Text, prefix) {
				return int32(i)
			}
		}
		t.Fatalf("no claim %q", prefix)
		return -1
	}
	x, y := find("Witkoff’s plane had landed in Moscow"), find("Trump’s Middle East Envoy Steve Witkoff arrived in Moscow")
	if !c.sharedEvent(c.nodes[x], c.nodes[y]) {
		t.Fatal("the two claims share no event")
	}
	pairs, err := c.pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pairs, [2]int32{min(x, y), max(x, y)}) {
		t.Fatal("the pair sharing the arrival is no candidate")
	}
}

// TestGovernorOverName: a name and its title between a predicate and the
// place it governs do not hide the predicate.
func TestGovernorOverName(t *testing.T) {
	lex := Options{}.lexicon()
	for _, tt := range []struct {
		text, place, want string
	}{
		{"Russian news agency RIA confirmed the arrival of US envoy Steve Witkoff in Moscow.", "Moscow", "arrive"},
		{"Witkoff arrived in Moscow on Thursday.", "Moscow", "arrive"},
		{"The two nations agreed at talks in Saudi Arabia on Tuesday.", "Saudi Arabia", "talk"},
		{"The meeting with Steve Witkoff in Moscow lasted five hours.", "Moscow", "meet"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := extractSource(&brief.Source{ID: "a", Body: []byte(tt.text)}, lex)
			f := d.feats[0]
			for k, m := range f.ments {
				if m.Name == tt.place {
					if _, want := matchKey(lex, tt.want); f.govs[k] != tt.want && f.govs[k] != want {
						t.Fatalf("%s fills the slot of %q, want %q", tt.place, f.govs[k], tt.want)
					}
					return
				}
			}
			t.Fatalf("no mention %q in %v", tt.place, f.ments)
		})
	}
}

// TestSharedEventMover: the mover of a shared arrival is who arrives: a
// description the source resolves to a name ("President Trump’s envoy"
// → Steve Witkoff) stands for him, and the possessor of a person is not
// the mover ("Trump’s envoy" is not Trump), while that of a vehicle is
// ("Witkoff’s plane").
func TestSharedEventMover(t *testing.T) {
	const long = "America’s Middle East Envoy Steve Witkoff flew into Moscow’s Vnukovo airport on Thursday morning, " +
		"having travelled from Doha, Qatar by way of European airspace on a Gulfstream executive jet."
	for _, tt := range []struct {
		name, a, b, claim string
		agree             bool
	}{
		{"Description", "US envoy Steve Witkoff is expected in Moscow on Thursday. President Trump’s envoy has landed in Moscow to negotiate a ceasefire.",
			long, "President Trump’s envoy has landed", true},
		{"PossessorOfPerson", "President Trump’s envoy has landed in Moscow to negotiate a ceasefire.",
			"President Donald Trump flew into Moscow's Vnukovo airport on Thursday morning, having travelled from Washington on Air Force One by way of European airspace.",
			"President Trump’s envoy has landed", false},
		{"Vehicle", "Russian state media reported that Witkoff’s plane had landed in Moscow, signaling a step toward de-escalation.",
			long, "Russian state media", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ann, err := Annotate(t.Context(), []*brief.Source{{ID: "a", Body: []byte(tt.a)}, {ID: "b", Body: []byte(tt.b)}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var id string
			for _, c := range ann.Claims {
				if strings.HasPrefix(c.Text, tt.claim) {
					id = c.ID
				}
			}
			got := slices.ContainsFunc(ann.Links, func(l brief.Link) bool {
				return l.Relation == brief.Agree && (l.A == id || l.B == id)
			})
			if got != tt.agree {
				t.Fatalf("%q agrees: %v, want %v (%v)", tt.claim, got, tt.agree, ann.Links)
			}
		})
	}
}

// TestShoutedNotName: a word shouted in capitals inside a sentence
// ("OMG BANKSY WAS ARRESTED") is no evidence that a Title Case
// headline's "Arrested" is part of a name.
func TestShoutedNotName(t *testing.T) {
	l, ok := pairLink(t, "Graffiti Artist Banksy Arrested In London; Identity Revealed",
		"Banksy has not been arrested. Your feed was full of OMG BANKSY WAS ARRESTED exclamations this morning.",
		"Graffiti", "Banksy has not")
	if !ok || l.Relation != brief.Disagree {
		t.Fatalf("got %v %s %s, want a disagreement", ok, l.Relation, l.Reason)
	}
}

// TestTitleCaseContraction: a contracted auxiliary in a Title Case
// headline ("Wasn’t") is no name, whatever its apostrophe.
func TestTitleCaseContraction(t *testing.T) {
	lex := Options{}.lexicon()
	for _, text := range []string{
		"Everybody Relax, Banksy Wasn’t Arrested And Exposed As A 35-Year-Old Man",
		"Everybody Relax, Banksy Wasn't Arrested And Exposed As A 35-Year-Old Man",
		"Relax, Banksy Hasn’t Been Arrested In London",
	} {
		d := extractSource(&brief.Source{ID: "a", Body: []byte(text)}, lex)
		for _, m := range d.feats[0].ments {
			if strings.Contains(m.Key, "n't") || strings.Contains(m.Key, "n’t") {
				t.Errorf("%q: mention %q", text, m.Key)
			}
		}
	}
}

// TestScopeEndsWithSentence: a negation's scope, and so its reason,
// ends with its sentence, even inside one quotation of two sentences.
func TestScopeEndsWithSentence(t *testing.T) {
	l, ok := pairLink(t, "“Dulaimi is not the wife of Abu Bakr al-Baghdadi. She married twice before,” he said.",
		"Dulaimi is the wife of Abu Bakr al-Baghdadi, Lebanese officials said.", "“Dulaimi", "Dulaimi")
	if !ok || l.Relation != brief.Disagree {
		t.Fatalf("got %v %s %q, want a disagreement", ok, l.Relation, l.Reason)
	}
	if strings.Contains(l.Reason, "She") {
		t.Errorf("reason %q runs into the next sentence", l.Reason)
	}
}

func TestDemonymOf(t *testing.T) {
	for _, tt := range []struct {
		x, y string
		want bool
	}{
		{"nicaraguan", "nicaragua", true},
		{"mexican", "mexico", true},
		{"iraqi", "iraq", true},
		{"chinese", "china", true},
		{"ukrainian", "ukraine", true},
		{"russian", "russia", true},
		{"nigerian", "nigeria", true},
		{"german", "germany", true},
		{"indian", "india", true},
		{"british", "britain", false},
		{"roman", "rome", false},
		{"iran", "iraq", false},
		{"austrian", "australia", false},
		{"nicaragua", "nicaragua", false},
		{"texan", "texas", true},
	} {
		if got := demonymOf(tt.x, tt.y); got != tt.want {
			t.Errorf("demonymOf(%q, %q) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}

// TestRetoldStatus: an article that retells a story to say it is untrue
// ("… says that Banksy was arrested in Watford" beside "Banksy has not
// been arrested") does not disagree with another article's "Banksy has
// not been arrested" by its retelling; an article that only says he was
// arrested does.
func TestRetoldStatus(t *testing.T) {
	const denial = "No, Banksy has not been arrested in Watford."
	for _, tt := range []struct {
		name, body string
		disagree   bool
	}{
		{"Retold", "The story on the website National Report says that Banksy was arrested in Watford by police. " +
			"Banksy has not been arrested, his publicist Jo Brooks said on Monday.", false},
		{"Reported", "The website National Report says that Banksy was arrested in Watford by police. " +
			"His publicist Jo Brooks declined to comment on Monday.", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ann, err := Annotate(t.Context(), []*brief.Source{
				{ID: "a", Body: []byte(denial)}, {ID: "b", Body: []byte(tt.body)},
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := slices.ContainsFunc(ann.Links, func(l brief.Link) bool { return l.Relation == brief.Disagree })
			if got != tt.disagree {
				t.Fatalf("disagree %v, want %v: %+v", got, tt.disagree, ann.Links)
			}
		})
	}
}
