<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>QObject</name>
    <message>
        <source>the system keychain did not answer</source>
        <translation>de sleutelbos van het systeem antwoordde niet</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 op %2</translation>
    </message>
</context>
<context>
    <name>earshot::bridge::ConversationListModel</name>
    <message>
        <source>&lt;1 min</source>
        <translation>&lt;1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 u %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 u</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>in opening hours</source>
        <translation>binnen openingstijden</translation>
    </message>
    <message>
        <source>around the clock</source>
        <translation>de klok rond</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 te laat</translation>
    </message>
    <message>
        <source>⚠ %1 left</source>
        <translation>⚠ nog %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>nog %1</translation>
    </message>
    <message>
        <source>First response due %1 (target %2, %3)</source>
        <translation>Eerste reactie uiterlijk %1 (norm %2, %3)</translation>
    </message>
    <message>
        <source>Resolution due %1 (target %2, %3)</source>
        <translation>Afhandeling uiterlijk %1 (norm %2, %3)</translation>
    </message>
</context>
<context>
    <name>earshot::bridge::MentionListModel</name>
    <message>
        <source>Ingested</source>
        <translation>Binnengekomen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Vermelding</translation>
    </message>
</context>
<context>
    <name>earshot::gui::AgentPicker</name>
    <message>
        <source>Who is working?</source>
        <translation>Wie is er aan het werk?</translation>
    </message>
    <message>
        <source>Pick your profile. Everything you do in the inbox is recorded under this name.</source>
        <translation>Kies je profiel. Alles wat je in de inbox doet, wordt onder deze naam vastgelegd.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nieuw profiel</translation>
    </message>
    <message>
        <source>e.g. Sanne de Vries</source>
        <translation>bijv. Sanne de Vries</translation>
    </message>
    <message>
        <source>signs replies; defaults to the first word of the name</source>
        <translation>ondertekent antwoorden; standaard het eerste woord van de naam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Talen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profiel toevoegen</translation>
    </message>
    <message>
        <source>Start working</source>
        <translation>Aan de slag</translation>
    </message>
</context>
<context>
    <name>earshot::gui::AuthorCard</name>
    <message>
        <source>Other conversations</source>
        <translation>Andere gesprekken</translation>
    </message>
    <message>
        <source>Click to open</source>
        <translation>Klik om te openen</translation>
    </message>
    <message>
        <source>Unknown customer</source>
        <translation>Onbekende klant</translation>
    </message>
    <message>
        <source>%1 followers</source>
        <translation>%1 volgers</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Could not read: %1</source>
        <translation>Kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
</context>
<context>
    <name>earshot::gui::ConversationPane</name>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Kies een gesprek</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Lage prioriteit</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>Normale prioriteit</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Hoge prioriteit</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>Label toevoegen…</translation>
    </message>
    <message>
        <source>Could not read conversation #%1: %2</source>
        <translation>Gesprek #%1 kon niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>Could not read the timeline: %1</source>
        <translation>De tijdlijn kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Unknown customer</source>
        <translation>Onbekende klant</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Niet toegewezen</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Toegewezen aan %1</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 bericht</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 berichten</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>aangemaakt %1</translation>
    </message>
    <message>
        <source>first response after %1</source>
        <translation>eerste reactie na %1</translation>
    </message>
    <message>
        <source>no response yet</source>
        <translation>nog geen reactie</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>wacht al %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Aangemaakt %1</translation>
    </message>
    <message>
        <source>Remove tag “%1”</source>
        <translation>Label “%1” verwijderen</translation>
    </message>
    <message>
        <source>Remove tag %1</source>
        <translation>Label %1 verwijderen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wacht op klant</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
</context>
<context>
    <name>earshot::gui::DashboardWindow</name>
    <message>
        <source>Earshot — Dashboard</source>
        <translation>Earshot — Dashboard</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Volume by weekday and hour</source>
        <translation>Volume per weekdag en uur</translation>
    </message>
    <message>
        <source>Customer messages in</source>
        <translation>Binnenkomende klantberichten</translation>
    </message>
    <message>
        <source>Replies out</source>
        <translation>Verstuurde antwoorden</translation>
    </message>
    <message>
        <source>Per agent</source>
        <translation>Per medewerker</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cycli</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>Bedankjes</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA-overschrijdingen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Norm</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Over by</source>
        <translation>Overschreden met</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the conversation</source>
        <translation>Dubbelklik of druk op Enter om het gesprek te openen</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Berekenen…</translation>
    </message>
    <message>
        <source>Could not compute the figures: %1</source>
        <translation>De cijfers konden niet worden berekend: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Afgelopen 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Afgelopen 30 dagen</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Aangepast…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle teams</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alle medewerkers</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Medewerker:</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle bronnen</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle labels</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>Wall clock</source>
        <translation>Kloktijd</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Openingstijden</translation>
    </message>
    <message>
        <source>Business hours count only the team's opening hours (earshot-cli calendar)</source>
        <translation>Openingstijden telt alleen de tijd binnen de openingstijden van het team (earshot-cli calendar)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Read new conversations and answers (F5)</source>
        <translation>Nieuwe gesprekken en antwoorden inlezen (F5)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Dashboard as PNG…</source>
        <translation>Dashboard als PNG…</translation>
    </message>
    <message>
        <source>Numbers as CSV…</source>
        <translation>Cijfers als CSV…</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Eerste reactie, mediaan</translation>
    </message>
    <message>
        <source>First response, p90</source>
        <translation>Eerste reactie, p90</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>Oplostijd, mediaan</translation>
    </message>
    <message>
        <source>Resolution, p90</source>
        <translation>Oplostijd, p90</translation>
    </message>
    <message>
        <source>SLA met (first response)</source>
        <translation>SLA gehaald (eerste reactie)</translation>
    </message>
    <message>
        <source>Backlog now</source>
        <translation>Achterstand nu</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediaan</translation>
    </message>
    <message>
        <source>First response time by day</source>
        <translation>Tijd tot eerste reactie per dag</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>uren</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>openingstijden</translation>
    </message>
    <message>
        <source>wall clock</source>
        <translation>kloktijd</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln answered</source>
        <translation>
            <numerusform>%1 · %Ln beantwoord</numerusform>
            <numerusform>%1 · %Ln beantwoord</numerusform>
        </translation>
    </message>
    <message>
        <source>9 in 10 answered within</source>
        <translation>9 op 10 beantwoord binnen</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln resolved</source>
        <translation>
            <numerusform>%1 · %Ln afgehandeld</numerusform>
            <numerusform>%1 · %Ln afgehandeld</numerusform>
        </translation>
    </message>
    <message>
        <source>9 in 10 resolved within</source>
        <translation>9 op 10 afgehandeld binnen</translation>
    </message>
    <message>
        <source>no SLA targets set (earshot-cli sla)</source>
        <translation>geen SLA-normen ingesteld (earshot-cli sla)</translation>
    </message>
    <message>
        <source>resolution: %1</source>
        <translation>oplostijd: %1</translation>
    </message>
    <message>
        <source>%1 unassigned</source>
        <translation>%1 niet toegewezen</translation>
    </message>
    <message>
        <source>First response time by day (business hours)</source>
        <translation>Tijd tot eerste reactie per dag (openingstijden)</translation>
    </message>
    <message>
        <source>#%1 (cycle %2)</source>
        <translation>#%1 (cyclus %2)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Oplostijd</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Eerste reactie</translation>
    </message>
    <message>
        <source>%1 in the period; the %2 most overdue shown</source>
        <translation>%1 in de periode; de %2 grootste overschrijdingen getoond</translation>
    </message>
    <message numerus="yes">
        <source>%Ln in the period</source>
        <translation>
            <numerusform>%Ln in de periode</numerusform>
            <numerusform>%Ln in de periode</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures are not ready yet.</source>
        <translation>De cijfers zijn nog niet klaar.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kan niet worden geschreven.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-afbeeldingen (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>First response
median</source>
        <translation>Eerste reactie
mediaan</translation>
    </message>
    <message>
        <source>Resolution
median</source>
        <translation>Oplostijd
mediaan</translation>
    </message>
    <message>
        <source>SLA first
response</source>
        <translation>SLA eerste
reactie</translation>
    </message>
    <message>
        <source>SLA
resolution</source>
        <translation>SLA
oplostijd</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>From arrival</source>
        <translation>Vanaf binnenkomst</translation>
    </message>
    <message>
        <source>From posting</source>
        <translation>Vanaf plaatsing</translation>
    </message>
    <message>
        <source>When a customer starts waiting: when the message reached Earshot, or the time the post itself gives (a source polled every 15 minutes hides up to 15 minutes of waiting)</source>
        <translation>Wanneer een klant begint te wachten: zodra het bericht Earshot bereikte, of op het tijdstip dat het bericht zelf vermeldt (een bron die elke 15 minuten wordt opgehaald, verbergt tot 15 minuten wachttijd)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
</context>
<context>
    <name>earshot::gui::ExportDialog</name>
    <message>
        <source>&amp;CSV</source>
        <translation>&amp;CSV</translation>
    </message>
    <message>
        <source>&amp;JSON Lines</source>
        <translation>&amp;JSON Lines</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Vanaf</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>t/&amp;m</translation>
    </message>
    <message>
        <source>&amp;Pseudonymise customers</source>
        <translation>Klanten &amp;pseudonimiseren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Response cycles</source>
        <translation>Reactiecycli</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Vermeldingen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Rijen:</translation>
    </message>
    <message>
        <source>Opens in a spreadsheet: UTF-8 with a byte-order mark, one row per line</source>
        <translation>Opent in een spreadsheet: UTF-8 met byte-order mark, één rij per regel</translation>
    </message>
    <message>
        <source>One JSON object per line, for scripts and data tools</source>
        <translation>Eén JSON-object per regel, voor scripts en datatools</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <source>Which rows</source>
        <translation>Welke rijen</translation>
    </message>
    <message>
        <source>Only from this day on; otherwise from the beginning</source>
        <translation>Alleen vanaf deze dag; anders vanaf het begin</translation>
    </message>
    <message>
        <source>Only up to and including this day; otherwise up to now</source>
        <translation>Alleen tot en met deze dag; anders tot nu</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Bron:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Elk label</translation>
    </message>
    <message>
        <source>Rows of conversations with any of these tags, separated by commas</source>
        <translation>Rijen van gesprekken met een van deze labels, gescheiden door komma’s</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <source>Separate tags with commas; a conversation needs one of them.</source>
        <translation>Scheid labels met komma’s; een gesprek moet er een van hebben.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>For exports that leave the team: customers' handles and names become pseudonyms, the same in every export from this workspace, and e-mail addresses, phone numbers, IBANs and postcodes are removed from the text.</source>
        <translation>Voor exports die buiten het team komen: handles en namen van klanten worden pseudoniemen, dezelfde in elke export uit deze werkruimte, en e-mailadressen, telefoonnummers, IBAN’s en postcodes worden uit de tekst verwijderd.</translation>
    </message>
    <message>
        <source>Stop the export; no file is written</source>
        <translation>De export stoppen; er wordt geen bestand geschreven</translation>
    </message>
    <message>
        <source>Show the folder of the exported file in the file manager</source>
        <translation>De map van het geëxporteerde bestand tonen in het bestandsbeheer</translation>
    </message>
    <message>
        <source>Export… asks where to save the file. It appears there once it is complete.</source>
        <translation>Exporteren… vraagt waar het bestand moet worden opgeslagen. Het verschijnt daar zodra het compleet is.</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Elke bron</translation>
    </message>
    <message>
        <source>The sources could not be read: %1</source>
        <translation>De bronnen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>One row per conversation: status, assignee, tags, source, customer, messages, and the first response's timings and SLA results.</source>
        <translation>Eén rij per gesprek: status, behandelaar, labels, bron, klant, berichten, en de tijden en SLA-resultaten van de eerste reactie.</translation>
    </message>
    <message>
        <source>Conversations created on these days (UTC, both days included).</source>
        <translation>Gesprekken die op deze dagen zijn aangemaakt (UTC, beide dagen inbegrepen).</translation>
    </message>
    <message>
        <source>One row per response cycle, reopenings included: the rows the statistics count. Spam is left out.</source>
        <translation>Eén rij per reactiecyclus, heropeningen inbegrepen: de rijen die de statistieken tellen. Spam blijft buiten beschouwing.</translation>
    </message>
    <message>
        <source>Cycles that started on these days (UTC, both days included).</source>
        <translation>Cycli die op deze dagen begonnen (UTC, beide dagen inbegrepen).</translation>
    </message>
    <message>
        <source>One row per mention, with its author and full text.</source>
        <translation>Eén rij per vermelding, met auteur en volledige tekst.</translation>
    </message>
    <message>
        <source>Mentions that arrived on these days (UTC, both days included).</source>
        <translation>Vermeldingen die op deze dagen binnenkwamen (UTC, beide dagen inbegrepen).</translation>
    </message>
    <message>
        <source>One row per entry in the log: claims, replies, notes, tags, status changes.</source>
        <translation>Eén rij per regel in het logboek: oppakken, antwoorden, notities, labels, statuswijzigingen.</translation>
    </message>
    <message>
        <source>Events on these days (UTC, both days included).</source>
        <translation>Gebeurtenissen op deze dagen (UTC, beide dagen inbegrepen).</translation>
    </message>
    <message>
        <source>The period ends before it begins: choose a “to” day on or after the “from” day.</source>
        <translation>De periode eindigt voordat ze begint: kies een “t/m”-dag op of na de “vanaf”-dag.</translation>
    </message>
    <message>
        <source>“%1” cannot be a tag: %2</source>
        <translation>“%1” kan geen label zijn: %2</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Counting the rows…</source>
        <translation>Rijen tellen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
    <message>
        <source>Exporting %1 rows…</source>
        <translation>%1 rijen exporteren…</translation>
    </message>
    <message>
        <source>Exporting: %1 of %2 rows…</source>
        <translation>Exporteren: %1 van %2 rijen…</translation>
    </message>
    <message>
        <source>Exported 1 row to %1.</source>
        <translation>1 rij geëxporteerd naar %1.</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>%1 rijen geëxporteerd naar %2.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written to %1.</source>
        <translation>De export is geannuleerd; er is niets naar %1 geschreven.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>De export is mislukt: %1</translation>
    </message>
</context>
<context>
    <name>earshot::gui::InboxWindow</name>
    <message>
        <source>Earshot — %1</source>
        <translation>Earshot — %1</translation>
    </message>
    <message>
        <source>Earshot</source>
        <translation>Earshot</translation>
    </message>
    <message>
        <source>Assign to a colleague</source>
        <translation>Toewijzen aan een collega</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>Overdrachtsnotitie</translation>
    </message>
    <message>
        <source>What should %1 know? (optional)</source>
        <translation>Wat moet %1 weten? (optioneel)</translation>
    </message>
    <message>
        <source>Search conversations (/): e.g. bezorging OR delivery</source>
        <translation>Gesprekken doorzoeken (/): bijv. bezorging OR levering</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Het concept kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Working as %1</source>
        <translation>Aan het werk als %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>&amp;Bronnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Werkruimte</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ins&amp;tellingen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Poll Now</source>
        <translation>&amp;Nu ophalen</translation>
    </message>
    <message>
        <source>S&amp;witch Agent…</source>
        <translation>&amp;Wissel van medewerker…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Gesprek</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Oppakken</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Beantwoorden</translation>
    </message>
    <message>
        <source>Internal &amp;Note</source>
        <translation>Interne &amp;notitie</translation>
    </message>
    <message>
        <source>&amp;Pending (Waiting for Customer)</source>
        <translation>&amp;Wacht op klant</translation>
    </message>
    <message>
        <source>set pending</source>
        <translation>op wacht zetten</translation>
    </message>
    <message>
        <source>R&amp;esolve</source>
        <translation>&amp;Afhandelen</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>afhandelen</translation>
    </message>
    <message>
        <source>&amp;Assign to Colleague…</source>
        <translation>&amp;Toewijzen aan collega…</translation>
    </message>
    <message>
        <source>&amp;Take Over</source>
        <translation>Ov&amp;ernemen</translation>
    </message>
    <message>
        <source>take over</source>
        <translation>overnemen</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>&amp;Vrijgeven</translation>
    </message>
    <message>
        <source>release</source>
        <translation>vrijgeven</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Heropenen</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>heropenen</translation>
    </message>
    <message>
        <source>Mark as &amp;Spam</source>
        <translation>Als &amp;spam markeren</translation>
    </message>
    <message>
        <source>mark as spam</source>
        <translation>als spam markeren</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>Moving around</source>
        <translation>Navigeren</translation>
    </message>
    <message>
        <source>&amp;Next Conversation</source>
        <translation>&amp;Volgend gesprek</translation>
    </message>
    <message>
        <source>&amp;Previous Conversation</source>
        <translation>V&amp;orig gesprek</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>Back to the &amp;List</source>
        <translation>Terug naar de &amp;lijst</translation>
    </message>
    <message>
        <source>&amp;Unassigned</source>
        <translation>&amp;Niet toegewezen</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>Van &amp;mij</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;All Open</source>
        <translation>&amp;Alle open</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Mention Stream</source>
        <translation>&amp;Vermeldingenstroom</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Cannot count conversations: %1</source>
        <translation>Gesprekken konden niet worden geteld: %1</translation>
    </message>
    <message>
        <source>Select a conversation to %1 first</source>
        <translation>Kies eerst een gesprek (%1)</translation>
    </message>
    <message>
        <source>%1 holds this conversation.

Take it over and %2 it?</source>
        <translation>%1 heeft dit gesprek opgepakt.

Overnemen en daarna: %2?</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>oppakken</translation>
    </message>
    <message>
        <source>There is nobody to assign to yet: add colleagues' profiles when you switch agent.</source>
        <translation>Er is nog niemand om aan toe te wijzen: voeg profielen van collega’s toe bij het wisselen van medewerker.</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>toewijzen</translation>
    </message>
    <message>
        <source>%1 holds this conversation.

Take it over and send your reply?</source>
        <translation>%1 heeft dit gesprek opgepakt.

Overnemen en je antwoord versturen?</translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2: %3</translation>
    </message>
    <message>
        <source>Back for you: %1</source>
        <translation>Terug voor jou: %1</translation>
    </message>
    <message>
        <source>Earshot: a customer wrote again</source>
        <translation>Earshot: een klant schreef opnieuw</translation>
    </message>
    <message>
        <source>%1 conversations are back for you: their customers wrote again</source>
        <translation>%1 gesprekken zijn terug voor jou: de klanten schreven opnieuw</translation>
    </message>
    <message>
        <source>Earshot: new high or urgent conversations</source>
        <translation>Earshot: nieuwe gesprekken met hoge of urgente prioriteit</translation>
    </message>
    <message>
        <source>Add Ta&amp;g…</source>
        <translation>&amp;Label toevoegen…</translation>
    </message>
    <message>
        <source>Pr&amp;iority</source>
        <translation>&amp;Prioriteit</translation>
    </message>
    <message>
        <source>set the priority of</source>
        <translation>de prioriteit te wijzigen van</translation>
    </message>
    <message>
        <source>Insert &amp;Canned Reply…</source>
        <translation>&amp;Standaardantwoord invoegen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>Ve&amp;rsturen</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>No conversation here matches “%1”.</source>
        <translation>Geen gesprek hier komt overeen met “%1”.</translation>
    </message>
    <message>
        <source>Nothing to answer yet: Earshot is not listening to anything.

Add a feed or a forum under File ▸ Sources… (Ctrl+Shift+S); what people write there arrives in Unassigned.</source>
        <translation>Nog niets te beantwoorden: Earshot luistert nog nergens naar.

Voeg een feed of forum toe onder Bestand ▸ Bronnen… (Ctrl+Shift+S); wat mensen daar schrijven komt binnen bij Niet toegewezen.</translation>
    </message>
    <message>
        <source>All caught up: nobody is waiting for an answer.</source>
        <translation>Alles bijgewerkt: niemand wacht op een antwoord.</translation>
    </message>
    <message>
        <source>No conversations here.</source>
        <translation>Hier zijn geen gesprekken.</translation>
    </message>
    <message>
        <source>&amp;Low Priority</source>
        <translation>&amp;Lage prioriteit</translation>
    </message>
    <message>
        <source>&amp;Normal Priority</source>
        <translation>&amp;Normale prioriteit</translation>
    </message>
    <message>
        <source>&amp;High Priority</source>
        <translation>&amp;Hoge prioriteit</translation>
    </message>
    <message>
        <source>&amp;Urgent Priority</source>
        <translation>&amp;Urgente prioriteit</translation>
    </message>
    <message>
        <source>Resend &amp;Failed Reply</source>
        <translation>&amp;Mislukt antwoord opnieuw versturen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Posting the reply on #%1…</source>
        <translation>Antwoord op #%1 wordt geplaatst…</translation>
    </message>
    <message>
        <source>Posted the reply on #%1: %2</source>
        <translation>Antwoord op #%1 geplaatst: %2</translation>
    </message>
    <message>
        <source>Reply %1 on #%2 was not posted: %3 — Conversation ▸ Resend Failed Reply (Ctrl+Shift+R) tries again.</source>
        <translation>Antwoord %1 op #%2 is niet geplaatst: %3 — Gesprek ▸ Mislukt antwoord opnieuw versturen (Ctrl+Shift+R) probeert het nog eens.</translation>
    </message>
    <message>
        <source>#%1 has no reply that failed to post.</source>
        <translation>#%1 heeft geen antwoord dat niet geplaatst kon worden.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save &amp;Transcript as PDF…</source>
        <translation>Trans&amp;cript als PDF opslaan…</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Earshot — %1 · %2</source>
        <translation>Earshot — %1 · %2</translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation>&amp;Teamwerkruimte openen…</translation>
    </message>
    <message>
        <source>Not connected to the workspace (%1); trying again. What others do shows once it is back.</source>
        <translation>Geen verbinding met de werkruimte (%1); Earshot probeert het opnieuw. Wat anderen doen, verschijnt zodra de verbinding terug is.</translation>
    </message>
    <message>
        <source>Connected to the workspace again; caught up on what others did.</source>
        <translation>Weer verbonden met de werkruimte; bijgewerkt met wat anderen deden.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 is replying…</source>
        <translation>%1 schrijft een antwoord…</translation>
    </message>
    <message>
        <source>%1 are replying…</source>
        <translation>%1 schrijven een antwoord…</translation>
    </message>
    <message>
        <source>%1 is viewing</source>
        <translation>%1 kijkt mee</translation>
    </message>
    <message>
        <source>%1 are viewing</source>
        <translation>%1 kijken mee</translation>
    </message>
    <message>
        <source>%1 replying…</source>
        <translation>%1 antwoordt…</translation>
    </message>
    <message>
        <source>%1 viewing</source>
        <translation>%1 kijkt mee</translation>
    </message>
    <message>
        <source>%1 wrote: %2</source>
        <translation>%1 schreef: %2</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>De klant</translation>
    </message>
    <message>
        <source>%1 replied</source>
        <translation>%1 antwoordde</translation>
    </message>
    <message>
        <source>%1 added a note: %2</source>
        <translation>%1 maakte een notitie: %2</translation>
    </message>
    <message>
        <source>%1 claimed it</source>
        <translation>%1 pakte het op</translation>
    </message>
    <message>
        <source>%1 took it over</source>
        <translation>%1 nam het over</translation>
    </message>
    <message>
        <source>%1 handed it to %2</source>
        <translation>%1 droeg het over aan %2</translation>
    </message>
    <message>
        <source>%1 released it</source>
        <translation>%1 gaf het vrij</translation>
    </message>
    <message>
        <source>%1 set it to %2</source>
        <translation>%1 zette het op %2</translation>
    </message>
    <message>
        <source>%1 tagged it %2</source>
        <translation>%1 gaf het label %2</translation>
    </message>
    <message>
        <source>%1 removed the tag %2</source>
        <translation>%1 haalde het label %2 weg</translation>
    </message>
    <message>
        <source>%1 changed the priority to %2</source>
        <translation>%1 zette de prioriteit op %2</translation>
    </message>
    <message>
        <source>%1 changed it</source>
        <translation>%1 wijzigde het</translation>
    </message>
    <message>
        <source>Not sent: since you opened this conversation,</source>
        <translation>Niet verstuurd: sinds je dit gesprek opende,</translation>
    </message>
    <message>
        <source>Your reply is still here. Read what changed, then send it again as it is, or change it first.</source>
        <translation>Je antwoord staat er nog. Lees wat er veranderde en verstuur het daarna zoals het is, of pas het eerst aan.</translation>
    </message>
    <message>
        <source>Not sent: #%1 changed since you opened it</source>
        <translation>Niet verstuurd: #%1 is veranderd sinds je het opende</translation>
    </message>
</context>
<context>
    <name>earshot::gui::MainWindow</name>
    <message>
        <source>Add Sources…</source>
        <translation>Bronnen toevoegen…</translation>
    </message>
    <message>
        <source>Earshot — %1</source>
        <translation>Earshot — %1</translation>
    </message>
    <message>
        <source>Search mentions (full text, e.g. delivery OR refund)</source>
        <translation>Vermeldingen doorzoeken (volledige tekst, bijv. bezorging OR terugbetaling)</translation>
    </message>
    <message>
        <source>Poll Now</source>
        <translation>Nu ophalen</translation>
    </message>
    <message>
        <source>Poll every source now instead of waiting for its schedule (F5)</source>
        <translation>Alle bronnen nu ophalen in plaats van te wachten tot ze aan de beurt zijn (F5)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Poll Now</source>
        <translation>&amp;Nu ophalen</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>&amp;Bronnen…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ins&amp;tellingen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Search Mentions</source>
        <translation>Vermeldingen &amp;zoeken</translation>
    </message>
    <message>
        <source>Select a mention to read it here.</source>
        <translation>Kies een vermelding om haar hier te lezen.</translation>
    </message>
    <message>
        <source>This mention cannot be shown: %1</source>
        <translation>Deze vermelding kan niet worden getoond: %1</translation>
    </message>
    <message>
        <source>The search could not run.
%1</source>
        <translation>De zoekopdracht kon niet worden uitgevoerd.
%1</translation>
    </message>
    <message>
        <source>No mentions match “%1”.</source>
        <translation>Geen vermeldingen gevonden voor “%1”.</translation>
    </message>
    <message>
        <source>No mentions stored yet.
Add the feeds to listen to; new mentions appear here as they arrive.</source>
        <translation>Nog geen vermeldingen opgeslagen.
Voeg de feeds toe waarnaar Earshot moet luisteren; nieuwe vermeldingen verschijnen hier zodra ze binnenkomen.</translation>
    </message>
</context>
<context>
    <name>earshot::gui::MentionDetailView</name>
    <message>
        <source>Select a mention to read it here.</source>
        <translation>Kies een vermelding om haar hier te lezen.</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(geen titel)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>door %1</translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>gepubliceerd %1</translation>
    </message>
    <message>
        <source>ingested %1</source>
        <translation>binnengekomen %1</translation>
    </message>
    <message>
        <source>No link</source>
        <translation>Geen link</translation>
    </message>
</context>
<context>
    <name>earshot::gui::NavigationPanel</name>
    <message>
        <source>Unassigned</source>
        <translation>Niet toegewezen</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Van mij</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Alle open</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wacht op klant</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>earshot::gui::PlatformSourceFields</name>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheim:</translation>
    </message>
    <message>
        <source>stored in the system keychain; type to replace it</source>
        <translation>bewaard in de sleutelbos van het systeem; typ om het te vervangen</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>niets bewaard</translation>
    </message>
<message>
        <source>&amp;Hashtag:</source>
        <translation>&amp;Hashtag:</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>A&amp;ccount:</translation>
    </message>
    <message>
        <source>Se&amp;arch for:</source>
        <translation>&amp;Zoeken naar:</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>S&amp;ite:</translation>
    </message>
    <message>
        <source>vondelfiets (without #)</source>
        <translation>vondelfiets (zonder #)</translation>
    </message>
    <message>
        <source>the brand's handle, e.g. vondelfiets.nl</source>
        <translation>de handle van het merk, bijv. vondelfiets.nl</translation>
    </message>
    <message>
        <source>words to search for, e.g. vondelfiets</source>
        <translation>woorden om op te zoeken, bijv. vondelfiets</translation>
    </message>
    <message>
        <source>stackoverflow, superuser, bicycles, …</source>
        <translation>stackoverflow, superuser, bicycles, …</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>&amp;Forum:</source>
        <translation>&amp;Forum:</translation>
    </message>
    <message>
        <source>mastodon.social</source>
        <translation>mastodon.social</translation>
    </message>
    <message>
        <source>https://community.example</source>
        <translation>https://community.example</translation>
    </message>
    <message>
        <source>A user API key of the brand's forum account. Needed to reply, and on forums for members only.</source>
        <translation>Een gebruikers-API-sleutel van het forumaccount van het merk. Nodig om te antwoorden, en op forums die alleen voor leden zijn.</translation>
    </message>
    <message>
        <source>An app key from stackapps.com raises the daily quota from 300 to 10,000 requests. Optional.</source>
        <translation>Een app-sleutel van stackapps.com verhoogt het dagquotum van 300 naar 10.000 verzoeken. Niet verplicht.</translation>
    </message>
    <message>
        <source>An app password of this account (bsky.app → Settings → Privacy and security → App passwords). Needed to reply and to search; reading an account needs none.</source>
        <translation>Een app-wachtwoord van dit account (bsky.app → Instellingen → Privacy en beveiliging → App-wachtwoorden). Nodig om te antwoorden en te zoeken; een account meelezen kan zonder.</translation>
    </message>
    <message>
        <source>The brand account's access token: Preferences → Development → New application (scopes read, write:statuses). For replies, searches, mentions, and servers that show timelines to members only.</source>
        <translation>Het toegangstoken van het account van het merk: Voorkeuren → Ontwikkelen → Nieuwe toepassing (rechten read, write:statuses). Voor antwoorden, zoekopdrachten, vermeldingen, en servers die tijdlijnen alleen aan leden tonen.</translation>
    </message>
</context>
<context>
    <name>earshot::gui::PollStatus</name>
    <message>
        <source>Polling sources: %1 of %2 done</source>
        <translation>Bronnen ophalen: %1 van %2 klaar</translation>
    </message>
    <message>
        <source>Up to date — last poll finished at %1</source>
        <translation>Bijgewerkt — laatste ophaalronde klaar om %1</translation>
    </message>
    <message>
        <source>Waiting for sources to fall due</source>
        <translation>Wachten tot bronnen weer aan de beurt zijn</translation>
    </message>
    <message>
        <source>⚠ 1 source failing</source>
        <translation>⚠ 1 bron met storing</translation>
    </message>
    <message>
        <source>⚠ %1 sources failing</source>
        <translation>⚠ %1 bronnen met storing</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>earshot::gui::ReplyComposer</name>
    <message>
        <source>Reply</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne notitie</translation>
    </message>
    <message>
        <source>Write to the customer (R)</source>
        <translation>Schrijf de klant (R)</translation>
    </message>
    <message>
        <source>Write a note only colleagues see (N)</source>
        <translation>Schrijf een notitie die alleen collega’s zien (N)</translation>
    </message>
    <message>
        <source>Canned reply</source>
        <translation>Standaardantwoord</translation>
    </message>
    <message>
        <source>Insert a canned reply, filled in for this conversation</source>
        <translation>Voeg een standaardantwoord in, ingevuld voor dit gesprek</translation>
    </message>
    <message>
        <source>Write a reply…  (Ctrl+Enter sends)</source>
        <translation>Schrijf een antwoord…  (Ctrl+Enter verstuurt)</translation>
    </message>
    <message>
        <source>Write an internal note: only colleagues see it.  (Ctrl+Enter saves)</source>
        <translation>Schrijf een interne notitie: alleen collega’s zien die.  (Ctrl+Enter slaat op)</translation>
    </message>
    <message>
        <source>Posted by hand: Earshot copies the reply and opens the thread, you paste it there.</source>
        <translation>Handmatig plaatsen: Earshot kopieert het antwoord en opent de draad, jij plakt het daar.</translation>
    </message>
    <message>
        <source>Could not read canned replies: %1</source>
        <translation>Standaardantwoorden konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>No canned replies yet</source>
        <translation>Nog geen standaardantwoorden</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Characters as %1 counts them</source>
        <translation>Tekens zoals %1 ze telt</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <source>Copy, open link and record</source>
        <translation>Kopiëren, link openen en vastleggen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Visible as the post is</source>
        <translation>Zichtbaar zoals het bericht</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Openbaar</translation>
    </message>
    <message>
        <source>Quiet public (unlisted)</source>
        <translation>Minder openbaar (niet vermeld)</translation>
    </message>
    <message>
        <source>Followers only</source>
        <translation>Alleen volgers</translation>
    </message>
    <message>
        <source>Only the people mentioned</source>
        <translation>Alleen de genoemde mensen</translation>
    </message>
    <message>
        <source>Who sees the reply on Mastodon. Only the people mentioned keeps it between you and the customer.</source>
        <translation>Wie het antwoord op Mastodon ziet. Alleen de genoemde mensen houdt het tussen jou en de klant.</translation>
    </message>
    <message>
        <source>Earshot posts it as a reply on the platform.</source>
        <translation>Earshot plaatst het als antwoord op het platform.</translation>
    </message>
</context>
<context>
    <name>earshot::gui::ReplyOverrideDialog</name>
    <message>
        <source>Send despite warnings?</source>
        <translation>Versturen ondanks waarschuwingen?</translation>
    </message>
    <message>
        <source>The reply checks found something. Say for each why this reply should go out as it is; the reason is kept with the reply.</source>
        <translation>De controles vonden iets. Geef per punt aan waarom dit antwoord toch zo de deur uit moet; de reden wordt bij het antwoord bewaard.</translation>
    </message>
    <message>
        <source>Why send it anyway?</source>
        <translation>Waarom toch versturen?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Toch versturen</translation>
    </message>
</context>
<context>
    <name>earshot::gui::SettingsDialog</name>
    <message>
        <source>Public replies must end with the agent's first name</source>
        <translation>Openbare antwoorden eindigen met de voornaam van de medewerker</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Werkruimte:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Logbestand:</translation>
    </message>
    <message>
        <source>Back up the workspace by copying it while Earshot is closed.</source>
        <translation>Maak een back-up van de werkruimte door het bestand te kopiëren terwijl Earshot gesloten is.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>A team rule: it is stored in the workspace and holds for everyone who uses it.</source>
        <translation>Een teamregel: deze wordt in de werkruimte opgeslagen en geldt voor iedereen die ermee werkt.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systeemtaal (%1)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systeem volgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>A new language takes effect when Earshot starts again.</source>
        <translation>Een andere taal gaat in wanneer Earshot opnieuw start.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>T&amp;hema:</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>Show the folder in the file manager</source>
        <translation>De map tonen in het bestandsbeheer</translation>
    </message>
    <message>
        <source>The team settings could not be read: %1</source>
        <translation>De teaminstellingen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>The signature rule could not be saved: %1</source>
        <translation>De ondertekeningsregel kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Notify me of new high and urgent conversations, and when a customer writes again on one of mine</source>
        <translation>Meld nieuwe gesprekken met hoge of urgente prioriteit, en wanneer een klant opnieuw schrijft in een van mijn gesprekken</translation>
    </message>
    <message>
        <source>Open Another…</source>
        <translation>Andere openen…</translation>
    </message>
    <message>
        <source>Choose another workspace file, or a new one, for Earshot to open from now on</source>
        <translation>Kies een ander werkruimtebestand, of een nieuw, dat Earshot voortaan opent</translation>
    </message>
    <message>
        <source>Workspace to open</source>
        <translation>Te openen werkruimte</translation>
    </message>
    <message>
        <source>Earshot workspace (*.db)</source>
        <translation>Earshot-werkruimte (*.db)</translation>
    </message>
    <message>
        <source>Earshot opens %1 when it starts again (a new file becomes an empty workspace).</source>
        <translation>Earshot opent %1 bij de volgende start (een nieuw bestand wordt een lege werkruimte).</translation>
    </message>
    <message>
        <source>%1 cannot be used as a workspace: %2</source>
        <translation>%1 kan niet als werkruimte dienen: %2</translation>
    </message>
<message>
        <source>The workspace could not be opened, so its team settings cannot be changed: %1</source>
        <translation>De werkruimte kon niet worden geopend, dus de teaminstellingen kunnen niet worden gewijzigd: %1</translation>
    </message>
    </context>
<context>
    <name>earshot::gui::ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts — press any key to close</source>
        <translation>Sneltoetsen — druk op een toets om te sluiten</translation>
    </message>
</context>
<context>
    <name>earshot::gui::SourcesDialog</name>
    <message>
        <source>&amp;Disable</source>
        <translation>Uit&amp;schakelen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Add Source</source>
        <translation>Bron t&amp;oevoegen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Laatste fout</translation>
    </message>
    <message>
        <source>Next poll</source>
        <translation>Volgende keer</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Include words</source>
        <translation>Trefwoorden</translation>
    </message>
    <message>
        <source>Exclude words</source>
        <translation>Uitsluitwoorden</translation>
    </message>
    <message>
        <source>Clear the form below to add another source</source>
        <translation>Het formulier hieronder leegmaken om nog een bron toe te voegen</translation>
    </message>
    <message>
        <source>Add every feed listed in an OPML file exported from a feed reader</source>
        <translation>Alle feeds toevoegen uit een OPML-bestand dat uit een feedlezer is geëxporteerd</translation>
    </message>
    <message>
        <source>Stop listening to the selected source; its mentions stay</source>
        <translation>Niet meer naar de gekozen bron luisteren; de vermeldingen blijven bewaard</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testresultaat</translation>
    </message>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation>De werkruimte kon niet worden geopend: %1</translation>
    </message>
    <message>
        <source>https://forum.example/latest.rss, or a feed file on this computer</source>
        <translation>https://forum.example/latest.rss, of een feedbestand op deze computer</translation>
    </message>
    <message>
        <source>Shown in the inbox; the URL when left empty</source>
        <translation>Zichtbaar in de inbox; leeg laten gebruikt de URL</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>How often Earshot polls this source. A failing source is retried with growing pauses.</source>
        <translation>Hoe vaak Earshot deze bron ophaalt. Bij een storing probeert Earshot het opnieuw met steeds langere pauzes.</translation>
    </message>
    <message>
        <source>Keep only items with one of these words, e.g. verskist, vers kist</source>
        <translation>Alleen berichten houden met een van deze woorden, bijv. verskist, vers kist</translation>
    </message>
    <message>
        <source>Comma-separated. Empty keeps every item. Whole words; case and accents are ignored.</source>
        <translation>Gescheiden door komma’s. Leeg houdt alle berichten. Hele woorden; hoofdletters en accenten tellen niet.</translation>
    </message>
    <message>
        <source>Drop items with any of these words, e.g. vacature</source>
        <translation>Berichten met een van deze woorden weglaten, bijv. vacature</translation>
    </message>
    <message>
        <source>Comma-separated. An item with one of these words is dropped, whatever else it says.</source>
        <translation>Gescheiden door komma’s. Een bericht met een van deze woorden valt af, wat er verder ook in staat.</translation>
    </message>
    <message>
        <source>Fetch the feed once and show what these keywords would keep; nothing is stored</source>
        <translation>De feed één keer ophalen en laten zien wat deze trefwoorden zouden houden; er wordt niets opgeslagen</translation>
    </message>
    <message>
        <source>Feed &amp;URL:</source>
        <translation>Feed-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>Op&amp;halen elke:</translation>
    </message>
    <message>
        <source>&amp;Include words:</source>
        <translation>T&amp;refwoorden:</translation>
    </message>
    <message>
        <source>E&amp;xclude words:</source>
        <translation>Uits&amp;luitwoorden:</translation>
    </message>
    <message>
        <source>The sources could not be read: %1</source>
        <translation>De bronnen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Earshot stopped polling this source after the server's answer. Enable it to try again.</source>
        <translation>Earshot is gestopt met ophalen na het antwoord van de server. Schakel de bron in om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Switched off: Earshot does not poll this source.</source>
        <translation>Uitgeschakeld: Earshot haalt deze bron niet op.</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Storing</translation>
    </message>
    <message>
        <source>The last poll failed; Earshot retries with growing pauses.</source>
        <translation>Het laatste ophalen is mislukt; Earshot probeert het opnieuw met steeds langere pauzes.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation>Nog niet opgehaald</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Failed polls in a row</source>
        <translation>Mislukte pogingen op rij</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Nieuwe bron</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>“%1” bewerken</translation>
    </message>
    <message>
        <source>&amp;Save Changes</source>
        <translation>Wijzigingen &amp;opslaan</translation>
    </message>
    <message>
        <source>⛔ Stopped: %1</source>
        <translation>⛔ Gestopt: %1</translation>
    </message>
    <message>
        <source>⚠ Failing (%1 in a row): %2</source>
        <translation>⚠ Storing (%1 keer op rij): %2</translation>
    </message>
    <message>
        <source>Enter the feed's URL first.</source>
        <translation>Vul eerst de URL van de feed in.</translation>
    </message>
    <message>
        <source>“%1” is not a web address Earshot can poll; use http, https or file.</source>
        <translation>“%1” is geen adres dat Earshot kan ophalen; gebruik http, https of file.</translation>
    </message>
    <message>
        <source>There is no feed file at %1.</source>
        <translation>Er staat geen feedbestand op %1.</translation>
    </message>
    <message>
        <source>The source could not be added: %1</source>
        <translation>De bron kon niet worden toegevoegd: %1</translation>
    </message>
    <message>
        <source>Added “%1”. Earshot polls it now.</source>
        <translation>“%1” toegevoegd. Earshot haalt de bron nu op.</translation>
    </message>
    <message>
        <source>The changes could not be saved: %1</source>
        <translation>De wijzigingen konden niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>“%1” opgeslagen.</translation>
    </message>
    <message>
        <source>The source could not be changed: %1</source>
        <translation>De bron kon niet worden gewijzigd: %1</translation>
    </message>
    <message>
        <source>“%1” is on again; Earshot polls it now.</source>
        <translation>“%1” staat weer aan; Earshot haalt de bron nu op.</translation>
    </message>
    <message>
        <source>“%1” is off; Earshot no longer polls it.</source>
        <translation>“%1” staat uit; Earshot haalt de bron niet meer op.</translation>
    </message>
    <message>
        <source>Remove Source</source>
        <translation>Bron verwijderen</translation>
    </message>
    <message>
        <source>Remove “%1”?

Earshot stops polling it. The mentions already stored from it stay in the inbox, their conversations and the reports.</source>
        <translation>“%1” verwijderen?

Earshot haalt de bron dan niet meer op. De vermeldingen die al zijn opgeslagen, blijven in de inbox, in hun gesprekken en in de rapportages.</translation>
    </message>
    <message>
        <source>The source could not be removed: %1</source>
        <translation>De bron kon niet worden verwijderd: %1</translation>
    </message>
    <message>
        <source>Removed “%1”. Its mentions stay.</source>
        <translation>“%1” verwijderd. De vermeldingen blijven bewaard.</translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation>OPML importeren</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>OPML-bestanden (*.opml *.xml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 kon niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>%1 is not an OPML file Earshot can read: %2</source>
        <translation>%1 is geen OPML-bestand dat Earshot kan lezen: %2</translation>
    </message>
    <message>
        <source>%1 (already a source)</source>
        <translation>%1 (al een bron)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 skipped.</source>
        <translation>%1 geïmporteerd: %2 toegevoegd, %3 overgeslagen.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Overgeslagen: %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>In&amp;schakelen</translation>
    </message>
    <message>
        <source>Ne&amp;w Source</source>
        <translation>Nieu&amp;we bron</translation>
    </message>
    <message>
        <source>I&amp;mport OPML…</source>
        <translation>OPML i&amp;mporteren…</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>High: notify agents</source>
        <translation>Hoog: medewerkers krijgen een melding</translation>
    </message>
    <message>
        <source>Urgent: notify agents</source>
        <translation>Urgent: medewerkers krijgen een melding</translation>
    </message>
    <message>
        <source>The priority this source's new conversations start with. Agents get a desktop notification for high and urgent ones.</source>
        <translation>De prioriteit waarmee nieuwe gesprekken uit deze bron beginnen. Bij hoog en urgent krijgen medewerkers een bureaubladmelding.</translation>
    </message>
    <message>
        <source>New conversations are:</source>
        <translation>Nieuwe gesprekken zijn:</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>New conversations</source>
        <translation>Nieuwe gesprekken</translation>
    </message>
    <message>
        <source>Feed (RSS, Atom, JSON Feed)</source>
        <translation>Feed (RSS, Atom, JSON Feed)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>There is no system keychain to keep the secret in; it was not stored.</source>
        <translation>Er is geen sleutelbos van het systeem om het geheim in te bewaren; het is niet opgeslagen.</translation>
    </message>
    <message>
        <source>Needs credentials</source>
        <translation>Inloggegevens nodig</translation>
    </message>
    <message>
        <source>The platform wants a token, app password or key: give it in the Secret field.</source>
        <translation>Het platform wil een token, app-wachtwoord of sleutel: vul die in bij Geheim.</translation>
    </message>
    <message>
        <source>⚠ Needs credentials: %1</source>
        <translation>⚠ Inloggegevens nodig: %1</translation>
    </message>
    <message>
        <source>The secret could not be stored in the system keychain: %1. Earshot uses it until it is closed.</source>
        <translation>Het geheim kon niet in de sleutelbos van het systeem worden bewaard: %1. Earshot gebruikt het tot het wordt afgesloten.</translation>
    </message>
    <message>
        <source>Remove “%1”?

Earshot stops polling it and removes its secret from the system keychain. The mentions already stored from it stay in the inbox, their conversations and the reports.</source>
        <translation>“%1” verwijderen?

Earshot haalt de bron dan niet meer op en verwijdert het geheim ervan uit de sleutelbos van het systeem. De vermeldingen die al zijn opgeslagen, blijven in de inbox, in hun gesprekken en in de rapportages.</translation>
    </message>
<message>
        <source>Mastodon: a hashtag</source>
        <translation>Mastodon: een hashtag</translation>
    </message>
    <message>
        <source>Bluesky: an account and the replies to it</source>
        <translation>Bluesky: een account en de antwoorden daarop</translation>
    </message>
    <message>
        <source>Discourse forum: latest posts</source>
        <translation>Discourse-forum: nieuwste berichten</translation>
    </message>
    <message>
        <source>Discourse forum: a search</source>
        <translation>Discourse-forum: een zoekopdracht</translation>
    </message>
    <message>
        <source>Hacker News: a search</source>
        <translation>Hacker News: een zoekopdracht</translation>
    </message>
    <message>
        <source>Stack Exchange: a search</source>
        <translation>Stack Exchange: een zoekopdracht</translation>
    </message>
    <message>
        <source>Mastodon: an account's posts</source>
        <translation>Mastodon: de berichten van een account</translation>
    </message>
    <message>
        <source>Mastodon: a search (token)</source>
        <translation>Mastodon: een zoekopdracht (token)</translation>
    </message>
    <message>
        <source>Mastodon: the brand's mentions (token)</source>
        <translation>Mastodon: vermeldingen van het merk (token)</translation>
    </message>
    <message>
        <source>Bluesky: a search (app password)</source>
        <translation>Bluesky: een zoekopdracht (app-wachtwoord)</translation>
    </message>
    </context>
<context>
    <name>earshot::gui::SourcesPreviewPanel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Test a feed to see what Earshot would store from it with these keywords. Nothing is stored by a test.</source>
        <translation>Test een feed om te zien wat Earshot er met deze trefwoorden uit zou opslaan. Een test slaat niets op.</translation>
    </message>
    <message>
        <source>Testing %1 …</source>
        <translation>%1 testen …</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>De test is mislukt: %1</translation>
    </message>
    <message>
        <source>(untitled feed)</source>
        <translation>(feed zonder titel)</translation>
    </message>
    <message>
        <source>“%1” (%2): %3 entries — %4 would be stored, %5 filtered out by the keywords.</source>
        <translation>“%1” (%2): %3 berichten — %4 zouden worden opgeslagen, %5 vallen af door de trefwoorden.</translation>
    </message>
    <message>
        <source>Would be stored (%1)</source>
        <translation>Zou worden opgeslagen (%1)</translation>
    </message>
    <message>
        <source>Filtered out (%1)</source>
        <translation>Valt af (%1)</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(geen titel)</translation>
    </message>
</context>
<context>
    <name>earshot::gui::TeamWorkspaceDialog</name>
    <message>
        <source>Open Team Workspace</source>
        <translation>Teamwerkruimte openen</translation>
    </message>
    <message>
        <source>db.example.nl</source>
        <translation>db.voorbeeld.nl</translation>
    </message>
    <message>
        <source>webcare</source>
        <translation>webcare</translation>
    </message>
    <message>
        <source>your login, e.g. anouk_smit</source>
        <translation>je login, bijv. anouk_smit</translation>
    </message>
    <message>
        <source>Verify the server's certificate (recommended)</source>
        <translation>Het certificaat van de server controleren (aanbevolen)</translation>
    </message>
    <message>
        <source>Encrypt, without verifying the server</source>
        <translation>Versleutelen, zonder de server te controleren</translation>
    </message>
    <message>
        <source>Encrypt when the server offers it (local networks, tests)</source>
        <translation>Versleutelen als de server het aanbiedt (lokale netwerken, tests)</translation>
    </message>
    <message>
        <source>the CA that signed the server's certificate (.pem)</source>
        <translation>de CA die het certificaat van de server ondertekende (.pem)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Certificaatautoriteit</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Het wachtwoord onthouden in de sleutelbos van het systeem</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;oort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Beveiliging:</translation>
    </message>
    <message>
        <source>&amp;Certificate authority:</source>
        <translation>&amp;Certificaatautoriteit:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>A team works in one workspace on its PostgreSQL server. Your administrator gives you these details (see docs/team.md).</source>
        <translation>Een team werkt in één werkruimte op zijn PostgreSQL-server. Je beheerder geeft je deze gegevens (zie docs/team.md).</translation>
    </message>
    <message>
        <source>Which server? Enter its name or address.</source>
        <translation>Welke server? Vul de naam of het adres in.</translation>
    </message>
    <message>
        <source>Which database on the server? Your administrator knows its name.</source>
        <translation>Welke database op de server? Je beheerder weet de naam.</translation>
    </message>
    <message>
        <source>Which login? Your administrator made one for you.</source>
        <translation>Welke login? Je beheerder heeft er een voor je gemaakt.</translation>
    </message>
    <message>
        <source>The server did not accept this login and password. Check both, or ask your administrator.

%1</source>
        <translation>De server accepteerde deze login en dit wachtwoord niet. Controleer ze allebei, of vraag het je beheerder.

%1</translation>
    </message>
    <message>
        <source>The server asks for your password.</source>
        <translation>De server vraagt om je wachtwoord.</translation>
    </message>
    <message>
        <source>Earshot cannot open this team workspace.

%1</source>
        <translation>Earshot kan deze teamwerkruimte niet openen.

%1</translation>
    </message>
    <message>
        <source>Verify the certificate, not the server's name</source>
        <translation>Het certificaat controleren, niet de naam van de server</translation>
    </message>
</context>
<context>
    <name>earshot::gui::ThreadView</name>
    <message>
        <source>Unknown author</source>
        <translation>Onbekende auteur</translation>
    </message>
    <message>
        <source>on the platform</source>
        <translation>op het platform</translation>
    </message>
    <message>
        <source>off-platform</source>
        <translation>buiten het platform</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne notitie</translation>
    </message>
    <message>
        <source>No messages in this conversation.</source>
        <translation>Geen berichten in dit gesprek.</translation>
    </message>
    <message>
        <source>posted on the platform</source>
        <translation>geplaatst op het platform</translation>
    </message>
    <message>
        <source>not posted</source>
        <translation>niet geplaatst</translation>
    </message>
    <message>
        <source>posting…</source>
        <translation>wordt geplaatst…</translation>
    </message>
    <message>
        <source>Not posted: %1 — Ctrl+Shift+R sends it again.</source>
        <translation>Niet geplaatst: %1 — Ctrl+Shift+R verstuurt het opnieuw.</translation>
    </message>
</context>
<context>
    <name>earshot::gui::TimelineView</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Conversation started</source>
        <translation>Gesprek begonnen</translation>
    </message>
    <message>
        <source>%1 claimed</source>
        <translation>%1 pakte het op</translation>
    </message>
    <message>
        <source>%1 released it</source>
        <translation>%1 gaf het vrij</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 wees het toe aan %2</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <source>%1 took it over from %2</source>
        <translation>%1 nam het over van %2</translation>
    </message>
    <message>
        <source>%1 replied (on the platform)</source>
        <translation>%1 antwoordde (op het platform)</translation>
    </message>
    <message>
        <source>%1 replied (off-platform)</source>
        <translation>%1 antwoordde (buiten het platform)</translation>
    </message>
    <message>
        <source>a</source>
        <translation>controle</translation>
    </message>
    <message>
        <source>%1 sent despite the %2 check</source>
        <translation>%1 verstuurde ondanks waarschuwing (%2)</translation>
    </message>
    <message>
        <source>%1 sent despite the %2 check: “%3”</source>
        <translation>%1 verstuurde ondanks waarschuwing (%2): “%3”</translation>
    </message>
    <message>
        <source>%1 added an internal note</source>
        <translation>%1 voegde een interne notitie toe</translation>
    </message>
    <message>
        <source>%1 tagged “%2”</source>
        <translation>%1 voegde label “%2” toe</translation>
    </message>
    <message>
        <source>%1 removed the tag “%2”</source>
        <translation>%1 verwijderde label “%2”</translation>
    </message>
    <message>
        <source>%1 set priority: %2 → %3</source>
        <translation>%1 wijzigde de prioriteit: %2 → %3</translation>
    </message>
    <message>
        <source>%1 changed status: %2 → %3</source>
        <translation>%1 wijzigde de status: %2 → %3</translation>
    </message>
    <message>
        <source>%1 reopened: %2 → %3</source>
        <translation>%1 heropende: %2 → %3</translation>
    </message>
</context>
<context>
    <name>earshot::gui::TranscriptPrinter</name>
    <message>
        <source>No messages in this conversation.</source>
        <translation>Geen berichten in dit gesprek.</translation>
    </message>
    <message>
        <source>Conversation #%1</source>
        <translation>Gesprek #%1</translation>
    </message>
    <message>
        <source>Transcript printed %1</source>
        <translation>Transcript gemaakt op %1</translation>
    </message>
    <message>
        <source>with internal notes</source>
        <translation>met interne notities</translation>
    </message>
    <message>
        <source>without internal notes</source>
        <translation>zonder interne notities</translation>
    </message>
    <message>
        <source>Unknown customer</source>
        <translation>Onbekende klant</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Toegewezen aan</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Eerste reactie</translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation>%1 (na %2)</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>All times are local time (%1).</source>
        <translation>Alle tijden zijn lokale tijd (%1).</translation>
    </message>
    <message>
        <source>Unknown author</source>
        <translation>Onbekende auteur</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>klant</translation>
    </message>
    <message>
        <source>reply, sent outside Earshot</source>
        <translation>antwoord, buiten Earshot verstuurd</translation>
    </message>
    <message>
        <source>reply, posted on the platform</source>
        <translation>antwoord, geplaatst op het platform</translation>
    </message>
    <message>
        <source>reply, NOT posted</source>
        <translation>antwoord, NIET geplaatst</translation>
    </message>
    <message>
        <source>reply, not posted yet</source>
        <translation>antwoord, nog niet geplaatst</translation>
    </message>
    <message>
        <source>The customer did not receive this reply: %1</source>
        <translation>De klant heeft dit antwoord niet ontvangen: %1</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne notitie</translation>
    </message>
    <message>
        <source>Cannot write the PDF %1.</source>
        <translation>De PDF %1 kan niet worden geschreven.</translation>
    </message>
    <message>
        <source>Cannot add page %1 to the PDF.</source>
        <translation>Pagina %1 kan niet aan de PDF worden toegevoegd.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
    <message>
        <source>Cannot finish the PDF %1.</source>
        <translation>De PDF %1 kan niet worden voltooid.</translation>
    </message>
    <message>
        <source>Cannot read the history of conversation #%1: %2</source>
        <translation>De geschiedenis van gesprek #%1 kan niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 is een map; kies een bestandsnaam.</translation>
    </message>
    <message>
        <source>Transcript Not Saved</source>
        <translation>Transcript niet opgeslagen</translation>
    </message>
    <message>
        <source>The transcript of conversation #%1 was not saved.

%2</source>
        <translation>Het transcript van gesprek #%1 is niet opgeslagen.

%2</translation>
    </message>
    <message>
        <source>Save Transcript</source>
        <translation>Transcript opslaan</translation>
    </message>
    <message>
        <source>Save conversation #%1 as a PDF?</source>
        <translation>Gesprek #%1 als PDF opslaan?</translation>
    </message>
    <message>
        <source>Internal notes are for the team. Leave them out when the transcript goes to the customer or anyone else outside the team.</source>
        <translation>Interne notities zijn voor het team. Laat ze weg als het transcript naar de klant gaat of naar iemand anders buiten het team.</translation>
    </message>
    <message>
        <source>Include internal notes</source>
        <translation>Interne notities opnemen</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF opslaan…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 bestaat al. Vervangen?</translation>
    </message>
</context>
<context>
    <name>earshot::gui::VolumeHeatMap</name>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %Ln message(s)</source>
        <translation>
            <numerusform>%1 %2:00–%3:00: %Ln bericht</numerusform>
            <numerusform>%1 %2:00–%3:00: %Ln berichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Earshot social listening console</source>
        <translation>Earshot, console voor social listening</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pad</translation>
    </message>
    <message>
        <source>Create a demo workspace when the database does not exist yet.</source>
        <translation>Een demowerkruimte maken als de database nog niet bestaat.</translation>
    </message>
    <message>
        <source>Interface language for this run: en, nl or system.</source>
        <translation>Taal van de interface voor deze keer: en, nl of system.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>taal</translation>
    </message>
    <message>
        <source>Theme for this run: light, dark or system.</source>
        <translation>Thema voor deze keer: light, dark of system.</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>thema</translation>
    </message>
    <message>
        <source>Welcome to Earshot</source>
        <translation>Welkom bij Earshot</translation>
    </message>
    <message>
        <source>There is no workspace yet.

Start with a demo workspace (weeks of sample conversations and a few local feeds)?
Choose No to start with an empty workspace.</source>
        <translation>Er is nog geen werkruimte.

Beginnen met een demowerkruimte (weken aan voorbeeldgesprekken en een paar lokale feeds)?
Kies Nee om met een lege werkruimte te beginnen.</translation>
    </message>
    <message>
        <source>Earshot</source>
        <translation>Earshot</translation>
    </message>
    <message>
        <source>The demo workspace could not be created:
%1

Earshot starts with an empty workspace instead.</source>
        <translation>De demowerkruimte kon niet worden gemaakt:
%1

Earshot begint in plaats daarvan met een lege werkruimte.</translation>
    </message>
    <message>
        <source>Earshot cannot open the workspace
%1

%2</source>
        <translation>Earshot kan de werkruimte niet openen
%1

%2</translation>
    </message>
    <message>
        <source>Work as this agent instead of asking.</source>
        <translation>Als deze medewerker werken in plaats van het te vragen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>%1

Start without --agent to pick or add a profile.</source>
        <translation>%1

Start zonder --agent om een profiel te kiezen of toe te voegen.</translation>
    </message>
    <message>
        <source>Earshot cannot open the inbox:
%1</source>
        <translation>Earshot kan de inbox niet openen:
%1</translation>
    </message>
    <message>
        <source>Earshot cannot open the workspace chosen in Settings:
%1

%2

Open the default workspace instead? The choice is forgotten.</source>
        <translation>Earshot kan de werkruimte uit de instellingen niet openen:
%1

%2

De standaardwerkruimte openen? De keuze wordt vergeten.</translation>
    </message>
    <message>
        <source>Workspace to open: a SQLite file, or a team's PostgreSQL connection (postgresql://… or "host=… dbname=… user=…").</source>
        <translation>Werkruimte om te openen: een SQLite-bestand, of de PostgreSQL-verbinding van een team (postgresql://… of "host=… dbname=… user=…").</translation>
    </message>
    <message>
        <source>location</source>
        <translation>locatie</translation>
    </message>
    <message>
        <source>Workspace database file to open.</source>
        <translation>Databasebestand van de werkruimte om te openen.</translation>
    </message>
<message>
        <source>Workspace database to open.</source>
        <translation>Te openen werkruimtedatabase.</translation>
    </message>
    </context>
</TS>