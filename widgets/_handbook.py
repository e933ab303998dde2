"""The Wrenfield Town Handbook: a small, fictional document store for the retrieval widget.

Written for the book (the town, its services, prices and people are invented). Each passage is
(id, title, text). Kept short on purpose, so a reader can see the whole prompt the widget builds.
"""

PASSAGES = [
    ("library-hours", "Library opening hours",
     "Wrenfield Library on Mill Lane opens Tuesday to Saturday from 9 am to 6 pm, and on Sunday "
     "from 11 am to 3 pm. It is closed on Mondays and on public holidays."),
    ("library-cards", "Library cards",
     "Anyone who lives, works or studies in Wrenfield can join the library for free. Bring a "
     "photo ID and a letter with your address. You may borrow up to twelve items at a time."),
    ("library-fines", "Late returns",
     "The library charges no fines for late books. After six weeks a reminder is sent, and after "
     "ten weeks you are asked to pay for the item or replace it."),
    ("bins", "Household waste collection",
     "Grey bins for general waste are emptied every Thursday. Green bins for garden waste are "
     "emptied every other Monday from March to November. Put bins at the kerb before 7 am on "
     "collection day."),
    ("recycling", "Recycling",
     "Blue boxes take paper, card, cans and clean plastic bottles. Glass goes to the bottle "
     "banks behind the leisure centre. Recycling is collected on Thursdays with the grey bins."),
    ("bulky-items", "Large items",
     "Sofas, fridges and other large items can be collected for a fee of 25 pounds for up to "
     "three items. Book a collection at the town hall or by phone at least a week ahead."),
    ("parking-permits", "Residents' parking permits",
     "A residents' parking permit for the town centre zone costs 60 pounds a year for the first "
     "car and 90 pounds for a second car. Apply at the town hall with proof of address and your "
     "vehicle papers."),
    ("parking-visitors", "Visitor parking",
     "Visitors may park in the Station Road car park for 1 pound an hour, up to 8 hours. Parking "
     "is free there on Sundays. On-street bays in the centre are limited to two hours."),
    ("fishing", "Fishing on the River Wren",
     "Fishing on the River Wren needs a day permit, sold at the tackle shop on Bridge Street for "
     "5 pounds. Fishing is not allowed from the town bridge or between April and mid-June."),
    ("building", "Building work",
     "Small changes such as a garden shed usually need no planning permit. Extensions, new "
     "windows facing the street and anything in the old town conservation area need approval "
     "from the planning office first."),
    ("pool", "Swimming pool",
     "The leisure centre pool opens at 6:30 am on weekdays and 8 am at weekends. A swim costs "
     "4 pounds for adults and 2 pounds for children. Lane swimming is adults only before 9 am."),
    ("gym", "Leisure centre gym",
     "The gym at the leisure centre is open to anyone over 16. A monthly pass costs 28 pounds. "
     "New members must book a free induction session before their first visit."),
    ("market", "Saturday market",
     "The market fills the square every Saturday from 8 am to 2 pm. Stalls sell local "
     "vegetables, cheese, bread and crafts. A stall costs 15 pounds a day; book at the town hall."),
    ("town-hall", "Town hall",
     "The town hall on Market Square is open Monday to Friday from 9 am to 5 pm. It handles "
     "permits, council tax, bookings and lost property. Phone 01632 960 114."),
    ("council-tax", "Council tax",
     "Council tax is billed each April and can be paid in ten monthly instalments. People who "
     "live alone get a 25 per cent discount. Ask at the town hall if you cannot pay on time."),
    ("doctor", "Health centre",
     "Wrenfield Health Centre on Elm Road opens weekdays from 8 am to 6:30 pm. To see a doctor, "
     "phone at 8 am for a same-day slot or book up to four weeks ahead online."),
    ("pharmacy", "Pharmacy",
     "The pharmacy on High Street opens every day, including Sundays from 10 am to 4 pm. The "
     "pharmacist can advise on minor illness without an appointment."),
    ("emergency", "Emergencies",
     "In an emergency call 999. The nearest hospital with an emergency department is in "
     "Castleford, 14 miles away. For urgent advice that is not an emergency, call 111."),
    ("schools", "Schools",
     "Wrenfield has two primary schools, Mill Lane and St Anne's, and one secondary school, "
     "Wrenfield Academy. Apply for a school place through the county council by January 15."),
    ("buses", "Buses",
     "The number 7 bus runs to Castleford every 30 minutes from the station, from 6 am to 11 "
     "pm. A single ticket costs 2 pounds. Children under five travel free."),
    ("trains", "Trains",
     "Wrenfield station has trains to the city every hour. The first train leaves at 5:48 am and "
     "the last returns at 11:20 pm. Tickets are cheaper if you travel after 9:30 am."),
    ("cycling", "Cycling",
     "A cycle path runs along the river from the station to Wrenfield Lock. Bikes can be hired "
     "from the kiosk at the station for 12 pounds a day. Helmets are lent for free."),
    ("dogs", "Dogs",
     "Dogs must be kept on a lead in the town centre and in the children's play areas. Owners "
     "must clean up after their dogs; the fine for leaving a mess is 100 pounds."),
    ("noise", "Noise",
     "Please keep noise down between 11 pm and 7 am. Building work is allowed from 8 am to 6 pm "
     "on weekdays and 9 am to 1 pm on Saturdays, and never on Sundays."),
    ("festival", "Summer festival",
     "The Wrenfield Summer Festival takes place on the first weekend of July in Riverside Park. "
     "Entry is free. There is live music, a food fair and a raft race on the river."),
    ("allotments", "Allotments",
     "The town rents out allotment plots at Orchard Fields for 40 pounds a year. The waiting "
     "list is about two years long. Water and a shared tool shed are included."),
    ("museum", "Town museum",
     "The museum in the old corn exchange tells the story of Wrenfield's mills. It opens "
     "Wednesday to Sunday, 10 am to 4 pm. Entry is free; donations are welcome."),
    ("lost-property", "Lost property",
     "Items found in public places are kept at the town hall for three months. To claim "
     "something, describe it and bring ID. Unclaimed items go to charity."),
    ("volunteering", "Volunteering",
     "The town welcomes volunteers for the library, the festival and the river clean-up on the "
     "last Sunday of each month. Sign up at the town hall or at the library desk."),
    ("water", "Water and flooding",
     "Homes near the river can get free sandbags from the depot on Station Road when a flood "
     "warning is issued. Report a burst water main to the water company, not the council."),
    ("wifi", "Free wifi",
     "Free public wifi is available in the library, the town hall and on Market Square. The "
     "network is called WrenfieldFree and needs no password."),
    ("mayor", "The mayor",
     "The mayor is chosen by the town council each May for one year. The current mayor, "
     "Councillor Priya Nandakumar, holds an open surgery on the first Friday of each month."),
]
