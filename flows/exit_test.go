package flows

import (
	"testing"

	"signaal/content"
)

// defaultEngine is the engine of the shipped content without the
// understanding: how the engine itself reads what is typed.
func defaultEngine(t testing.TB) (*Engine, *content.Content) {
	t.Helper()
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return e, c
}

// TestLeavesTyped: the quick exit reads however it is typed, with
// punctuation around it, and the content's exit words count alone; a
// sentence that holds such a word is read as a sentence.
func TestLeavesTyped(t *testing.T) {
	e, _ := defaultEngine(t)
	tests := []struct {
		name string
		in   Input
		want bool
	}{
		{"button", ChoiceInput(DataExit), true},
		{"label", TextInput("Snel weg"), true},
		{"label with an exclamation mark", TextInput("Snel weg!"), true},
		{"label with a full stop", TextInput("snel weg."), true},
		{"label shouted", TextInput("  SNEL WEG!!! "), true},
		{"label in quotes", TextInput("'Snel weg'"), true},
		{"english label", TextInput("Quick exit!"), true},
		{"weg", TextInput("weg"), true},
		{"weg with marks", TextInput("Weg!!"), true},
		{"weg in an ellipsis", TextInput("...weg..."), true},
		{"stop", TextInput("STOP"), true},
		{"stop with a full stop", TextInput("stop."), true},
		{"exit", TextInput("Exit"), true},
		{"doei", TextInput("doei!"), true},
		{"never mind, not needed any more", TextInput("laat maar, hoeft niet meer"), true},
		{"can I close this, want it gone", TextInput("kan ik dit gesprek ergens afsluiten? wil dat het weg is"), true},
		{"do not want it after all, close please", TextInput("ik wil dit toch niet, afsluiten aub"), true},
		{"want to close this now", TextInput("ik wil dit nu sluiten"), true},
		{"close this please, now", TextInput("sluit dit alsjeblieft nu af"), true},
		{"never mind, as laat maar", TextInput("Never mind!"), true},
		{"nvm", TextInput("nvm"), true},
		{"clicking this away now", TextInput("ik ga dit nu wegklikken"), true},
		{"bye, want to close this chat", TextInput("doei, wil dit gesprek afsluiten"), true},
		{"never mind, i quit, bye", TextInput("laat maar, ik hou ermee op. doei"), true},
		{"i quit, alone", TextInput("ik hou ermee op"), false},
		{"never mind in a story", TextInput("never mind what i said about my boss"), false},
		{"no, i am not going away", TextInput("nee ik ga niet weg"), false},
		{"going to close this chat now", TextInput("ik ga deze chat nu sluiten"), true},
		{"how to close this, quick", TextInput("hoe sluit ik dit?? snel"), true},
		{"how to close this", TextInput("how do i close this"), true},
		{"bye, may this close", TextInput("doei, mag dit dicht"), true},
		{"polish, the end and thanks", TextInput("koniec, dzięki"), true},
		{"polish, the end, i must go", TextInput("koniec, muszę iść"), true},
		{"hungarian, i close this chat, bye", TextInput("Bezárom ezt a chatet. Szia"), true},
		{"bulgarian, bye, i must close this", TextInput("чао, трябва да затворя това"), true},
		{"bulgarian, i want out of this chat", TextInput("Искам да изляза от този чат."), true},
		{"bulgarian, stop, i want out of here", TextInput("спри, искам да изляза от тук"), true},
		{"bulgarian, enough, leaving the chat", TextInput("Край, излизам от чата"), true},
		{"dutch, away, close this window", TextInput("weg hier, wil dit venster dicht"), true},
		{"english, close this window", TextInput("close this window"), true},
		{"dutch, how to get this chat away, now", TextInput("hoe krijg ik dit gesprek weg, nu meteen"), true},
		{"dutch, how to take this chat away fast", TextInput("hoe haal ik dit gesprek snel weg"), true},
		{"english, how to delete this chat, quick", TextInput("how do i delete this chat, quick"), true},
		{"english, delete chat please", TextInput("delete chat pls"), true},
		{"english, how to delete this chat fast", TextInput("how do i delete this chat fast"), true},
		{"english, delete this now please", TextInput("delete this now pls"), true},
		{"english, bye, must hide this", TextInput("bye gotta hide this"), true},
		{"dutch, how to get this chat off my screen, fast", TextInput("hoe krijg ik dit gesprek van mn scherm, snel"), true},
		{"dutch, must go now, how to close this", TextInput("ik moet nu gaan, hoe sluit ik dit af"), true},
		{"dutch, how to get this chat away fast", TextInput("hoe krijg ik deze chat snel weg"), true},
		{"dutch, delete chat fast", TextInput("verwijder chat snel"), true},
		{"hungarian, close", TextInput("bezár"), true},
		{"dutch, must go", TextInput("moet gaan"), true},
		{"english, must go, delete everything", TextInput("gtg delete everything"), true},
		{"english, must go, shut this", TextInput("gotta go shut this"), true},
		{"dutch, away, must stop now", TextInput("ff weg moet nu kappen"), true},
		{"dutch, how to get this chat off my phone fast", TextInput("hoe krijg ik dit gesprek snel weg van mn telefoon"), true},
		{"dutch, how to wipe this chat fast", TextInput("hoe wis ik deze chat snel"), true},
		{"dutch, how to wipe this fast, must go now", TextInput("hoe wis ik dit snel, moet nu weg"), true},
		{"english, how to get out of this chat quick", TextInput("how do i get out of this chat quick"), true},
		{"dutch, how to close this fast and wipe everything", TextInput("hoe sluit ik dit snel af en wis ik alles"), true},
		{"dutch, how to get this chat off my screen fast", TextInput("hoe krijg ik dit gesprek nu snel weg van mn scherm"), true},
		{"dutch, how to wipe this chat fast", TextInput("hoe wis ik dit gesprek snel"), true},
		{"dutch, how to remove this chat fast", TextInput("hoe verwijder ik dit gesprek snel"), true},
		{"polish, close this fast", TextInput("zamknij to szybko"), true},
		{"dutch, how to remove this and get out", TextInput("hoe kan ik dit gesprek weghalen, ik wil eruit"), true},
		{"may i take this away", TextInput("kan ik dit ff weghalen? ik wil eruit"), true},
		{"leaving this chat now", TextInput("ik ga nu uit deze chat"), true},
		{"may this go, close it", TextInput("kan dit weg? sluit maar"), true},
		{"never mind, no more chatting", TextInput("laat maar, ik wil niet meer chatten"), true},
		{"how to close this, no more", TextInput("hoe sluit ik dit, wil het niet meer"), true},
		{"hungarian, sorry, must close, bye", TextInput("bocsánat, most be kell zárnom. viszlát"), true},
		{"how to close this window, out now", TextInput("hoe sluit ik dit venster? wil er nu uit"), true},
		{"out now, alone", TextInput("wil er nu uit"), false},
		{"may i close this chat", TextInput("kan ik dit gesprek afsluiten? wil het niet meer"), true},
		{"how do i close this chat right now", TextInput("hoe sluit ik dit gesprek nu meteen af"), true},
		{"romanian, i want to close, bye", TextInput("vreau să închid, pa"), true},
		{"i want to close this chat", TextInput("ik wil deze chat afsluiten"), true},
		{"bye, closing it", TextInput("doei ik sluit m af"), true},
		{"i want this chat gone now", TextInput("ik wil dit gesprek nu weg hebben"), true},
		{"polish, the end, i do not want to write any more", TextInput("koniec, nie chcę już pisać"), true},
		{"bulgarian, i want to stop the conversation now", TextInput("Искам да спра разговора сега"), true},
		{"hungarian, closing and bye", TextInput("bezárom, szia"), true},
		{"hungarian hello", TextInput("szia"), false},
		{"hungarian, closing, thanks and bye", TextInput("bezárom, köszönöm, viszlát"), true},
		{"bulgarian, stopping and leaving", TextInput("Спирам. Излизам."), true},
		{"close this, please", TextInput("sluit dit maar af alsjeblieft"), true},
		{"romanian, close please", TextInput("închideți, vă rog"), true},
		{"bye, drawn out", TextInput("oke doeiii"), true},
		{"bye, must hang up", TextInput("doei, moet ophangen"), true},
		{"closing this conversation", TextInput("ik wil dit gesprek sluiten"), true},
		{"closing this conversation, and how", TextInput("ik wil dit gesprek sluiten, hoe doe ik dat"), true},
		{"asking how, alone", TextInput("hoe doe ik dat"), false},
		{"never mind, ending the chat", TextInput("nvm forget it, ending the chat"), true},
		{"romanian, must close now, bye", TextInput("trebuie să închid acum, pa"), true},
		{"hungarian, want to close this, bye", TextInput("be akarom zárni ezt, viszlát"), true},
		{"bulgarian, must close, bye", TextInput("Трябва да затварям, чао."), true},
		{"how to get this screen away quickly", TextInput("hoe krijg ik dit scherm snel weg"), true},
		{"bulgarian, enough, closing", TextInput("стига, затварям"), true},
		{"closing this window now", TextInput("ik sluit dit venster nu af"), true},
		{"how to close, want away", TextInput("hoe sluit ik dit af, wil weg hier"), true},
		{"want away, alone", TextInput("wil weg hier"), false},
		// Away from where one is, not from the chat: someone held may
		// type these, and must not lose the conversation for them.
		{"can i get away from here", TextInput("kan ik hier weg"), false},
		{"want away from here", TextInput("ik wil hier weg"), false},
		{"want out of here, now", TextInput("ik wil hier uit, nu"), false},
		{"want to stop, alone", TextInput("wil stoppen"), false},
		{"end the chat now, please", TextInput("end the chat now pls"), true},
		{"never mind, this conversation no more", TextInput("laat maar ik wil dit gesprek niet meer"), true},
		{"this conversation no more, alone", TextInput("ik wil dit gesprek niet meer"), false},
		{"never mind, forget it, bye", TextInput("nvm forget i said anything, bye"), true},
		{"bye, must stop", TextInput("doei moet ophouden"), true},
		{"must stop, alone", TextInput("moet ophouden"), false},
		{"how to close this window, no more talking", TextInput("hoe sluit ik dit venster, ik wil niet meer praten"), true},
		{"asks to delete the chat and leave", TextInput("kan ik dit gesprek verwijderen en eruit"), true},
		{"wipe and close", TextInput("wis dit gesprek en sluit af"), true},
		{"romanian, in parts", TextInput("gata, nu mai vreau sa vorbesc. inchide"), true},
		{"hungarian, in parts", TextInput("kilepek, zard be"), true},
		{"hungarian, with a sorry", TextInput("kilépek, bocs"), true},
		{"closing this now", TextInput("ik wil dit nu afsluiten"), true},
		{"closing, please", TextInput("afsluiten graag"), true},
		{"close, I want out", TextInput("sluit af ik wil hier weg"), true},
		{"no, never mind, I quit", TextInput("nee laat maar ik kap ermee"), true},
		{"leave chat", TextInput("Leave chat"), true},
		{"wanting to leave the chat", TextInput("i want to leave the chat"), true},
		{"wanting to leave is told", TextInput("i want to leave"), false},
		{"leave this page", TextInput("stop stop i want to leave this page"), true},
		{"bye", TextInput("Bye."), true},
		{"out of this chat", TextInput("I want to get out of this chat now"), true},
		{"uit de chat", TextInput("laat maar, ik ga uit de chat"), true},
		{"leaving now", TextInput("bye, leaving now"), true},
		{"bulgarian, please", TextInput("изход моля"), true},
		{"exit phrases one after another", TextInput("forget it, gotta go, end chat"), true},
		{"exit phrases with an apostrophe", TextInput("nvm bye, i'm out"), true},
		{"doe maar weg", TextInput("doe maar weg dit gesprek"), true},
		{"romanian, the chat", TextInput("inchide chatul"), true},
		{"nevermind", TextInput("nevermind bye"), true},
		{"weg uit de app", TextInput("wil hier weg uit de app"), true},
		{"hungarian, closing and bye", TextInput("bezárom, viszlát"), true},
		{"bulgarian, want to close the chat, goodbye", TextInput("искам да затворя чата, довиждане"), true},
		{"how to throw this chat away, now", TextInput("hoe gooi ik dit gesprek weg, nu"), true},
		{"delete this chat now", TextInput("verwijder deze chat nu"), true},
		{"wanting this chat deleted", TextInput("ik wil deze chat verwijderen"), true},
		{"someone is coming, how to delete this", TextInput("someone's coming, how do i delete this"), true},
		{"gotta go, how to delete this", TextInput("gotta go, how do i delete this"), true},
		{"someone is coming, told alone", TextInput("someone's coming"), false},
		{"deleting an account is a question", TextInput("how do i delete this account"), false},
		{"bulgarian, close this quickly", TextInput("затвори това бързо"), true},
		{"want to wipe this chat now", TextInput("wil dit gesprek nu wissen"), true},
		{"delete chat, he is coming", TextInput("delete chat pls hes coming"), true},
		{"he is coming, told alone", TextInput("hes coming"), false},
		{"how to stop this chat and take it all away", TextInput("hoe stop ik dit gesprek en haal ik alles weg"), true},
		{"taking it all away, asked alone", TextInput("haal ik alles weg"), true},
		{"must go, take this away", TextInput("ik moet weg, haal dit weg aub"), true},
		{"take me away from here is a call for help", TextInput("haal me hier weg"), false},
		{"how to delete this chat fast", TextInput("hoe verwijder ik deze chat snel"), true},
		{"delete", TextInput("delete"), true},
		{"deleting what he made one delete is told", TextInput("he made me delete"), false},
		{"how to throw this chat away", TextInput("hoe gooi ik deze chat weg"), true},
		{"get rid of this chat now", TextInput("get rid of this chat now pls"), true},
		{"hide this", TextInput("verberg dit ff"), true},
		{"close quickly, in Romanian without accents", TextInput("inchide repede"), true},
		{"make this disappear now", TextInput("laat dit nu verdwijnen"), true},
		{"an exit question and quickly", TextInput("how do i delete this chat quickly"), true},
		{"leaving, and can this disappear", TextInput("ik moet nu weg, kan dit gesprek verdwijnen?"), true},
		{"off my screen, fast", TextInput("hoe krijg ik dit gesprek snel van mn scherm"), true},
		{"delete this chat rn", TextInput("how do i delete this chat rn"), true},
		{"must go, can you wipe this", TextInput("moet gaan, kan je dit gesprek wissen"), true},
		{"remove this, in Bulgarian", TextInput("махни това"), true},
		{"must go, wipe it all", TextInput("ik moet gaan, kan je alles wissen"), true},
		{"sorry, must go, delete it, in Hungarian", TextInput("bocs, mennem kell, töröld"), true},
		{"off my screen fast, without 'gesprek'", TextInput("hoe krijg ik dit snel van mn scherm"), true},
		{"this chat away now", TextInput("hoe krijg ik dit gesprek nu weg"), true},
		{"must close, delete all, in Romanian", TextInput("trebuie sa inchid, sterge tot"), true},
		{"an exit phrase and a story", TextInput("forget it, he has my passport"), false},
		{"command", TextInput("/stop"), true},
		{"command with a mark", TextInput("/stop!"), true},
		{"command to the bot", TextInput("/STOP@SignaalBot"), true},
		{"other command", TextInput("/weg"), true},

		{"sentence with stop", TextInput("ik wil stoppen met dit werk"), false},
		{"sentence with weg", TextInput("ik kan niet weg"), false},
		{"sentence with stop alone", TextInput("stop met dat"), false},
		{"a few exit words", TextInput("stop maar"), true},
		{"exit words in any order", TextInput("wissen en weg"), true},
		{"exit word and another word", TextInput("weg met die baas"), false},
		{"an exit phrase among exit words", TextInput("laat maar, ik ga weg"), true},
		{"an exit phrase with a filler", TextInput("nvm gotta go now"), true},
		{"wanting to stop is asked about", TextInput("ik wil stoppen"), false},
		{"long exit phrase whole", TextInput("i wanna quit this chat"), true},
		{"long exit phrase's words alone", TextInput("i wanna quit"), false},
		{"wanting to quit is asked about", TextInput("i want to quit"), false},
		// Wanting out of a situation is told, not a quick exit: the chat
		// must not be wiped on someone asking how to get out.
		{"wanting to end it is told", TextInput("i want to end this"), false},
		{"wanting to end one's life is told", TextInput("i want to end it"), false},
		{"ending it all is told", TextInput("end it all"), false},
		{"ending this all is told", TextInput("end this all"), false},
		{"ending this now is told", TextInput("i want to end this now"), false},
		{"making an end is told", TextInput("ik wil er een eind aan maken"), false},
		{"wanting out is told", TextInput("i want out"), false},
		{"wanting out of this life is told", TextInput("i want out of this"), false},
		{"wanting out of the chat leaves", TextInput("i want out of this chat now"), true},
		{"quitting everything is told", TextInput("ik kap ermee met alles"), false},
		{"stopping with everything is told", TextInput("ik stop hiermee met alles"), false},
		{"wiping everything is told", TextInput("ik wil alles wissen van mezelf"), false},
		{"i just want to end it is told", TextInput("i just want to end it now"), false},
		{"wanting away is told", TextInput("ik wil hier weg"), false},
		{"asking how to get out is told", TextInput("hoe kom ik hier uit"), false},
		{"getting out of debt is told", TextInput("hoe ga ik hier uit de schulden"), false},
		{"needing to go to the doctor is told", TextInput("i need to go to the doctor"), false},
		{"quitting a job is told", TextInput("ik kap ermee bij die baas"), false},
		{"a few new exit words", TextInput("kap ermee"), true},
		{"an app closed", TextInput("app sluiten aub"), true},
		{"closing the conversation now", TextInput("wil dit gesprek nu afsluiten"), true},
		{"wanting to close the conversation now", TextInput("ik wil dit gesprek nu sluiten"), true},
		{"closing the window", TextInput("ik wil dit venster sluiten"), true},
		{"done with this, going", TextInput("klaar hiermee, ik ga"), true},
		{"no more talking about it, done", TextInput("ik wil hier niet meer over praten, klaar"), true},
		{"a quick stop, bye", TextInput("ff stoppen met deze chat, doei"), true},
		{"how to get the screen away, quick", TextInput("hoe krijg ik dit scherm weg, snel"), true},
		{"close the window please", TextInput("kan je dit venster sluiten aub"), true},
		{"stopping this conversation now, please", TextInput("wil dit gesprek nu stoppen aub"), true},
		{"stopping this conversation", TextInput("ik wil stoppen met dit gesprek"), true},
		{"stopping this chat", TextInput("ik wil stoppen met deze chat"), true},
		{"not after all, away with it", TextInput("nee toch niet. weg hiermee"), true},
		{"ending this conversation", TextInput("wil dit gesprek beëindigen"), true},
		{"erasing this conversation, must go", TextInput("kan ik dit gesprek wissen? moet nu echt weg"), true},
		{"can the window close, I want out", TextInput("kan dit venster dicht? ik wil eruit"), true},
		{"closing this, how to get out fast", TextInput("ik wil dit sluiten, hoe kom ik hier snel uit"), true},
		{"done, no more talking", TextInput("klaar. wil niet meer praten"), true},
		// Not talking any more about the situation is told, not leaving.
		{"not wanting to talk to him any more is told", TextInput("ik wil niet meer praten met die jongens maar ze blijven bellen"), false},
		{"gone, never mind", TextInput("laat maar, ik ben weg"), true},
		{"bye, gone", TextInput("doei ik ben weg"), true},
		{"getting out of the chat", TextInput("ik ga eruit"), true},
		{"going off, never mind", TextInput("laat maar ik ga off"), true},
		{"closing this at once", TextInput("hoe sluit ik dit nu meteen af"), true},
		{"closing the window", TextInput("ik wil dit venster nu dichtdoen"), true},
		{"wanting this gone, how to close it", TextInput("ik wil dit weg, hoe sluit ik dit"), true},
		{"asking to close, no more talk", TextInput("kun je dit gesprek afsluiten? wil er niet meer over praten"), true},
		{"hungarian, that's it, closing, bye", TextInput("Ennyi, bezárom. Szia."), true},
		{"hungarian, closing, thanks", TextInput("bezárom, köszi"), true},
		{"hungarian, no more writing, leaving", TextInput("nem akarok többet írni, kilépek"), true},
		{"closing fast, right now", TextInput("hoe sluit ik dit snel af, nu meteen"), true},
		{"right now, alone", TextInput("nu meteen"), false},
		{"wanting the screen gone now", TextInput("ik wil dit scherm nu weg hebben"), true},
		{"asking to close, no more", TextInput("kan ik dit afsluiten? wil niet meer"), true},
		{"polish, ok the end, must go", TextInput("dobra koniec, muszę iść"), true},
		{"bulgarian, no more, closing", TextInput("Не искам повече. Затварям"), true},
		{"how to close and wipe", TextInput("hoe sluit ik dit en wis ik het gesprek"), true},
		{"never mind, logging off", TextInput("nvm forget it, logging off"), true},
		{"ending this conversation now", TextInput("ik wil dit gesprek nu beëindigen"), true},
		{"ending this conversation now", TextInput("I want to end this conversation now"), true},
		{"closing this conversation now", TextInput("ik wil dit gesprek nu afsluiten"), true},
		{"wanting out, closing the chat", TextInput("ik wil hier weg, chat sluiten"), true},
		{"wanting to stop now is told", TextInput("i want to stop now"), false},
		// Typed alone, people mean the chat: writers who had not seen
		// the bot used it so in five rounds.
		{"a wish to close this", TextInput("ik wil dit afsluiten"), true},
		{"a wish to close this, without af", TextInput("ik wil dit sluiten"), true},
		{"closing, told", TextInput("ik wil dit sluiten want het raam is open"), false},
		{"wanting out, close this", TextInput("ik wil hier weg, sluit dit"), true},
		{"out of this conversation", TextInput("ik wil uit dit gesprek"), true},
		{"romanian enough, no more", TextInput("gata, nu mai vreau"), true},
		{"delete and close", TextInput("delete this convo and close it"), true},
		{"quitting the chat now", TextInput("i want to quit the chat now"), true},
		{"closing this chat", TextInput("ik wil deze chat sluiten"), true},
		{"wiping this conversation now", TextInput("ik wil dit gesprek nu wissen"), true},
		// A cry to be got out is no wish to leave the chat.
		{"stop, get me out", TextInput("stop, get me out"), false},
		{"wanting to stop and away", TextInput("ik wil stoppen en weg"), true},
		{"wishes and small words only", TextInput("ik wil eruit en nu"), false},
		{"wanting out of here is told", TextInput("ik wil hier weg"), false},
		// A wish to leave beside an exit word leaves with it.
		{"wanting out, closing", TextInput("ik wil hier weg, sluiten"), true},
		{"stop, then wanting out", TextInput("stop ik wil eruit"), true},
		{"wanting out, wiping", TextInput("wil eruit, alles wissen"), true},
		{"closing this now", TextInput("ik wil dit afsluiten nu"), true},
		{"wanting out, in english", TextInput("nvm, i want out, close this"), true},
		{"bye, closing it", TextInput("doei ik sluit t af"), true},
		{"away, the chat must close", TextInput("ff weg hier, dit chatje moet dicht"), true},
		{"leaving", TextInput("nvm im leaving"), true},
		{"never mind, going offline, bye", TextInput("laat maar ik ga offline. doei"), true},
		{"asking to close, wanting out", TextInput("Kun je dit gesprek afsluiten? Ik wil eruit."), true},
		{"having to go, asking to close", TextInput("ik moet weg, kan je dit gesprek sluiten"), true},
		{"ok, stopping this conversation", TextInput("oke ik stop met dit gesprek"), true},
		{"hungarian, bye, have to close", TextInput("viszlát, be kell zárnom"), true},
		{"never mind, off I go", TextInput("laat maar, ik ga ervandoor"), true},
		{"can you close this, don't want to anymore", TextInput("kan je dit sluiten ofzo, wil niet meer"), true},
		{"hungarian, never mind, leaving", TextInput("mégse, kilépek"), true},
		{"bulgarian, want to close this chat", TextInput("искам да затворя този чат"), true},
		{"never mind, going, bye", TextInput("nvm im going, bye"), true},
		{"romanian, done, closing now", TextInput("gata, inchid acum"), true},
		{"romanian, goodbye, closing now", TextInput("la revedere, închid acum"), true},
		{"going somewhere is told", TextInput("im going to the police"), false},
		{"wanting out is told", TextInput("ik wil eruit"), false},
		{"wanting out, and now", TextInput("ik wil eruit nu"), false},
		{"wanting to stop dealing", TextInput("ik wil stoppen met dealen, help"), false},
		{"wanting out, asking help", TextInput("ik wil hier weg, help me"), false},
		{"a wish to stop is told", TextInput("wil stoppen"), false},
		{"exit words without a core", TextInput("ik ga"), false},
		{"longer word", TextInput("wegwijzer"), false},
		{"exit word", TextInput("wegwezen"), true},
		{"half the label", TextInput("snel"), false},
		{"word with an emoji", TextInput("weg 😊"), false},
		{"the neutral line", TextInput(e.Forget("nl").Replies[0].Text), false},
		{"only marks", TextInput("!?"), false},
		{"empty", TextInput(""), false},
		{"start", TextInput("/start"), false},
		{"stop inside a command", TextInput("/stoppen"), false},
		{"emergency label", TextInput("112 Noodhulp!"), false},
		{"emergency button", ChoiceInput(DataSOS), false},
		{"weg as a button's data", ChoiceInput("weg"), false},
		{"media", Input{Kind: Media}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.Leaves(tt.in); got != tt.want {
				t.Errorf("Leaves(%+v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestExitLang: the neutral line after a typed quick exit is in the
// language of the words typed, whole or in pieces, when they belong to
// one language only; otherwise the conversation's language is used.
func TestExitLang(t *testing.T) {
	e, _ := defaultEngine(t)
	tests := []struct {
		in, want string
	}{
		{"gotta go", "en"},
		{"Snel weg!", "nl"},
		{"Quick exit", "en"},
		{"stop", ""}, // a word of both
		{"i want to end this chat now please", "en"},
		{"nvm, i want out, close this", "en"},
		{"stop, i want out", "en"},
		{"ik wil hier weg, sluiten", "nl"},
		{"stop ik wil eruit", "nl"},
		{"nvm gotta go now", "en"},
		{"gata, nu mai vreau sa vorbesc. inchide", ""}, // a brief's: no line of its own
		{"ik wil hier weg, gotta go", ""},              // two languages
	}
	for _, tt := range tests {
		if !e.Leaves(TextInput(tt.in)) {
			t.Errorf("Leaves(%q) = false; the test needs a quick exit", tt.in)
			continue
		}
		if got := e.ExitLang(TextInput(tt.in)); got != tt.want {
			t.Errorf("ExitLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLeavesWithoutExitWords: content without exit words leaves only by
// the option, its label and /stop.
func TestLeavesWithoutExitWords(t *testing.T) {
	e := testEngine(t)
	if _, ok := e.Content().Texts["nl"][content.KeyExitWords]; ok {
		t.Fatalf("the test content has %s; this test needs content without it", content.KeyExitWords)
	}
	for _, in := range []Input{TextInput("weg"), TextInput("stop"), TextInput("bye")} {
		if e.Leaves(in) {
			t.Errorf("Leaves(%q) = true, want false without exit words", in.Data)
		}
	}
	if label := e.Content().Text("nl", content.KeyOptExit) + "!"; !e.Leaves(TextInput(label)) {
		t.Errorf("Leaves(%q) = false, want true", label)
	}
}

// TestCurrent: what a conversation shows again is its current question,
// with the back option when it has one, and nothing when there is no
// conversation.
func TestCurrent(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name   string
		inputs []Input
		want   string // texts and option data, "" for no replies
	}{
		{"new", nil, ""},
		{"first question", []Input{start}, "nl hello: start/hello/go !sos !exit"},
		{"after a step", []Input{start, goOn}, "nl ask: " + datas(play(e, start, goOn).Replies[0].Options)},
		{"after the exit", []Input{start, goOn, ChoiceInput(DataExit)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := play(e, tt.inputs...).Session
			var got string
			if rs := e.Current(s, t0); len(rs) > 0 {
				got = texts(rs) + ": " + datas(rs[len(rs)-1].Options)
			}
			if got != tt.want {
				t.Errorf("Current(after %d inputs) = %q, want %q", len(tt.inputs), got, tt.want)
			}
		})
	}
	damaged := play(e, start, goOn).Session
	damaged.State = "gone"
	if rs := e.Current(damaged, t0); rs != nil {
		t.Errorf("Current(session at a state that is gone) = %+v, want nothing", rs)
	}
}

// TestWelcome: the welcome without a session is what /start answers a new
// session, in the language asked for or, for one the content lacks, the
// default.
func TestWelcome(t *testing.T) {
	e := testEngine(t)
	for _, tt := range []struct{ lang, want string }{
		{"nl", "nl"}, {"en", "en"}, {"en-GB", "en"}, {"de", "nl"}, {"", "nl"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			got := e.Welcome(tt.lang)
			want := e.Step(Session{}, Input{Kind: Text, Data: "/start", Lang: tt.want}, t0).Replies
			if texts(got) != texts(want) || datas(got[len(got)-1].Options) != datas(want[len(want)-1].Options) {
				t.Errorf("Welcome(%q) = %q %q, want %q %q", tt.lang, texts(got), datas(got[len(got)-1].Options), texts(want), datas(want[len(want)-1].Options))
			}
		})
	}
}
