"""The demo articles: original Indonesian writing about the community's themes.

Body entries are compact tuples that the builder turns into StreamField blocks:

    ("paragraph", "first paragraph", "second paragraph", ...)
    ("heading", "text")
    ("pull_quote", "quote", "attribution or empty")
    ("key_points", "title", ["point", ...])
    ("callout", "title", "<p>rich text</p>")
    ("image", Picture(...), "caption")
"""

from dataclasses import dataclass

from .content import Picture

WRITER = "writer"
ILLUSTRATOR = "illustrator"
TRANSLATOR = "translator"
EDITOR = "editor"


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    category: str
    standfirst: str
    excerpt: str
    tags: list[str]
    credits: list[tuple[str, str]]  # (contributor slug, role)
    body: list[tuple]
    days_ago: int
    hero: Picture | None = None
    featured: bool = False
    content_note: str = ""


ARTICLES = [
    Article(
        slug="rumah-terasa-terlalu-sunyi",
        title="Malam-malam ketika rumah terasa terlalu sunyi",
        category="dukungan-emosional",
        standfirst=(
            "Siang hari penuh urusan, tetapi setelah anak-anak tidur, sepi datang tanpa "
            "permisi. Beginilah cara saya belajar berteman dengan malam."
        ),
        excerpt=(
            "Tentang sepi yang datang setelah anak-anak tidur, dan hal-hal kecil yang "
            "membantu melewatinya."
        ),
        tags=["kesepian", "malam", "kesehatan mental"],
        credits=[("bunda-senja", WRITER), ("sekar-ayu-pramesti", ILLUSTRATOR)],
        hero=Picture(
            "night_window",
            "malam",
            "Ilustrasi rumah kecil di malam hari berbintang. Seorang ibu berkerudung "
            "duduk sendirian di balik jendela yang lampunya menyala kuning.",
        ),
        days_ago=6,
        featured=True,
        body=[
            (
                "paragraph",
                "Jam sembilan malam adalah jam yang paling saya takuti di tahun pertama "
                "setelah bercerai. Piring sudah dicuci, seragam besok sudah disetrika, "
                "dan dua anak saya sudah terlelap di kamar sebelah. Rumah kontrakan kami "
                "yang kecil tiba-tiba terasa sangat luas. Tidak ada suara televisi yang "
                "ditonton orang lain, tidak ada yang bertanya bagaimana hari saya.",
                "Dulu saya mengira sepi itu tanda saya gagal. Kalau saya cukup kuat, "
                "pikir saya, mestinya saya tidak merasa begini. Jadi saya mengisinya "
                "dengan apa saja: menggulir media sosial sampai lewat tengah malam, "
                "membereskan lemari yang sebenarnya sudah rapi, atau sekadar duduk "
                "menatap ponsel, menunggu pesan yang tidak kunjung datang.",
            ),
            ("heading", "Sepi bukan musuh"),
            (
                "paragraph",
                "Titik baliknya justru datang dari hal sepele. Suatu malam si bungsu "
                "terbangun karena haus. Ia melihat saya duduk di ruang tamu dengan lampu "
                'mati, lalu bertanya, <i>"Bunda nggak ngantuk?"</i> Saya tidak bisa '
                "menjawab. Besoknya saya bercerita kepada seorang teman di grup "
                "komunitas, dan ia mengatakan sesuatu yang masih saya ingat sampai "
                "sekarang: sepi itu bukan musuh, ia tamu. Tamu boleh datang, tetapi "
                "kita yang menentukan di mana ia duduk.",
                "Sejak itu saya mencoba menyambut malam dengan lebih sengaja. Bukan "
                "dengan cara yang besar. Saya hanya membuat beberapa kebiasaan kecil "
                "supaya jam-jam itu punya bentuk.",
            ),
            (
                "key_points",
                "Yang membantu saya melewati malam",
                [
                    "Menyalakan satu lampu kuning di ruang tamu, bukan duduk dalam gelap.",
                    "Membuat teh jahe dan meminumnya pelan-pelan, tanpa ponsel di tangan.",
                    "Menulis tiga hal yang terjadi hari itu, sekecil apa pun, di buku "
                    "tulis bekas anak.",
                    "Mengirim satu pesan kepada satu orang, sekadar menyapa, bukan "
                    "menunggu disapa.",
                    "Menentukan jam tidur dan menepatinya, walaupun belum mengantuk.",
                ],
            ),
            (
                "pull_quote",
                "Sepi itu tamu. Tamu boleh datang, tetapi kita yang menentukan di mana "
                "ia duduk.",
                "Seorang teman di grup komunitas",
            ),
            ("heading", "Ketika sepi terasa terlalu berat"),
            (
                "paragraph",
                "Ada malam-malam ketika kebiasaan kecil itu tidak cukup. Dada terasa "
                "sesak, pikiran berputar pada hal yang sama, dan air mata keluar tanpa "
                "alasan yang jelas. Di malam seperti itu saya belajar untuk tidak "
                "menghakimi diri sendiri. Saya biarkan diri menangis, lalu saya "
                "menelepon adik saya, walaupun sudah larut. Ternyata ia tidak keberatan "
                "sama sekali. Yang keberatan selama ini hanya gengsi saya.",
                "Sekarang, tiga tahun kemudian, malam tidak lagi menakutkan. Kadang "
                "masih sepi, tetapi sepinya lebih ramah. Saya membaca, menjahit kancing "
                "yang lepas, atau sekadar duduk di teras mendengarkan jangkrik. Kalau "
                "kamu sedang berada di tahun pertama itu, saya ingin kamu tahu: rasa "
                "ini tidak selamanya sebesar sekarang.",
            ),
            (
                "callout",
                "Jika kamu butuh teman bicara",
                "<p>Sedih yang berlangsung berminggu-minggu, sulit tidur, atau pikiran "
                "untuk menyakiti diri sendiri perlu ditangani bersama tenaga "
                "profesional. Hubungi puskesmas terdekat, psikolog, atau orang yang kamu "
                "percaya. <b>Kamu tidak harus menanggungnya sendirian.</b></p>",
            ),
        ],
    ),
    Article(
        slug="belajar-meminta-tolong",
        title="Belajar meminta tolong tanpa merasa jadi beban",
        category="dukungan-emosional",
        standfirst=(
            'Kenapa kalimat "bisa bantu aku?" terasa begitu berat diucapkan, dan '
            "bagaimana saya akhirnya belajar mengatakannya."
        ),
        excerpt=(
            "Meminta tolong bukan tanda lemah. Catatan tentang gengsi, rasa sungkan, "
            "dan tetangga yang ternyata senang dimintai bantuan."
        ),
        tags=["meminta tolong", "tetangga", "keluarga"],
        credits=[("ratna-wulandari", WRITER), ("intan-permatasari", ILLUSTRATOR)],
        hero=Picture(
            "helping_hands",
            "senja",
            "Ilustrasi dua perempuan berdiri berhadapan di depan rumah. Yang satu "
            "menyerahkan rantang merah kepada yang lain, dan hati-hati kecil "
            "melayang di atas mereka.",
            seed=2,
        ),
        days_ago=19,
        body=[
            (
                "paragraph",
                "Saya dibesarkan dengan keyakinan bahwa perempuan yang baik tidak "
                "merepotkan orang lain. Ibu saya mengurus kami berlima hampir tanpa "
                "mengeluh, dan saya tumbuh dengan anggapan bahwa begitulah seharusnya. "
                "Jadi ketika saya harus membesarkan anak-anak sendirian, saya bertekad "
                "melakukan semuanya sendiri juga.",
                "Tekad itu bertahan kira-kira empat bulan. Lalu si bungsu demam tinggi "
                "pada hari yang sama dengan jadwal wawancara kerja yang sudah saya "
                "tunggu berminggu-minggu. Saya duduk di lantai dapur jam lima pagi, "
                "menatap ponsel, dan tidak bisa memutuskan siapa yang boleh saya "
                "repotkan. Akhirnya saya mengirim pesan kepada Bu Tini, tetangga dua "
                "rumah dari kami, dengan kalimat yang saya tulis ulang sampai lima kali.",
                'Balasannya datang dalam dua menit: <i>"Antar saja ke sini, Mbak. Saya '
                'di rumah seharian."</i> Saya menangis membacanya. Bukan karena sedih, '
                "tetapi karena lega, dan karena malu sudah begitu lama menahan diri.",
            ),
            ("heading", "Mengapa meminta tolong terasa berat"),
            (
                "paragraph",
                "Setelah kejadian itu saya mulai memperhatikan apa yang sebenarnya "
                "membuat saya sungkan. Ada rasa takut dianggap tidak mampu. Ada rasa "
                "takut berutang budi. Dan ada suara kecil yang berbisik bahwa sebagai "
                "ibu tunggal, saya harus membuktikan kepada semua orang bahwa saya "
                "baik-baik saja.",
                "Padahal, kebanyakan orang justru senang bisa membantu, asal "
                "permintaannya jelas. Bu Tini belakangan bercerita bahwa ia sering "
                "kesepian sejak anak-anaknya merantau. Menjaga anak saya seharian "
                "membuat rumahnya ramai lagi. Bantuan ternyata bisa berjalan dua arah.",
            ),
            (
                "pull_quote",
                "Yang saya kira merepotkan, bagi orang lain bisa jadi menyenangkan. "
                "Bantuan ternyata bisa berjalan dua arah.",
                "",
            ),
            ("heading", "Cara meminta yang lebih ringan"),
            (
                "key_points",
                "Beberapa hal yang saya pelajari",
                [
                    'Minta hal yang spesifik: "bisa jemput Dita hari Kamis jam dua?" '
                    'lebih mudah dijawab daripada "kalau ada waktu, tolong bantu ya".',
                    "Beri ruang untuk menolak, dan terima penolakan tanpa merasa "
                    "ditolak sebagai pribadi.",
                    "Buat daftar orang yang bisa dihubungi untuk urusan berbeda: antar-"
                    "jemput, pinjaman darurat, atau sekadar teman cerita.",
                    "Balas kebaikan dengan cara yang kamu mampu, tidak harus setara dan "
                    "tidak harus segera.",
                ],
            ),
            (
                "paragraph",
                "Saya masih belajar. Masih ada hari-hari ketika saya memaksakan diri "
                "sampai kelelahan, lalu marah pada hal kecil di rumah. Tetapi sekarang "
                "saya tahu tandanya. Ketika saya mulai membentak anak karena gelas yang "
                "tumpah, biasanya itu tanda saya sudah terlalu lama tidak meminta tolong.",
                "Kalau kamu sedang membaca ini sambil memikirkan seseorang yang "
                "sebenarnya bisa kamu mintai bantuan, mungkin hari ini saatnya "
                "mengirim pesan itu. Tulis saja sekali, jangan lima kali.",
            ),
        ],
    ),
    Article(
        slug="ketika-orang-bertanya-bapaknya-ke-mana",
        title='Ketika orang bertanya, "Bapaknya ke mana?"',
        category="dukungan-emosional",
        standfirst=(
            "Pertanyaan itu datang di arisan, di sekolah, bahkan di antrean puskesmas. "
            "Saya tidak selalu wajib menjawabnya."
        ),
        excerpt=(
            "Cara menanggapi pertanyaan yang terlalu pribadi dari kerabat dan orang "
            "asing, tanpa kehilangan ketenangan."
        ),
        tags=["stigma", "keluarga", "percakapan"],
        credits=[
            ("maria-fransiska-lamanepa", WRITER),
            ("laras-kinanti", ILLUSTRATOR),
            ("fitri-handayani", EDITOR),
        ],
        hero=Picture(
            "speech_bubbles",
            "malam",
            "Ilustrasi seorang ibu dan anaknya berdiri berdampingan, dikelilingi "
            "balon-balon percakapan berwarna yang berisi titik-titik.",
            seed=3,
        ),
        days_ago=34,
        body=[
            (
                "paragraph",
                "Di kampung saya di Flores, orang bertanya bukan karena ingin menyakiti. "
                "Mereka bertanya karena begitulah cara orang saling memperhatikan. "
                "Tetapi setelah suami saya pergi merantau dan tidak kembali, pertanyaan "
                '"Bapaknya ke mana?" terasa seperti batu kecil yang dilempar berulang-'
                "ulang ke jendela yang sama.",
                "Pertanyaan itu datang dalam banyak bentuk. Ada yang langsung, ada yang "
                "dibungkus doa, ada juga yang disampaikan kepada anak saya, bukan kepada "
                "saya. Yang terakhir ini paling sulit, karena saya tidak selalu ada di "
                "sana untuk melindunginya.",
            ),
            ("heading", "Kamu boleh memilih seberapa banyak yang kamu ceritakan"),
            (
                "paragraph",
                "Butuh waktu lama bagi saya untuk menyadari bahwa cerita hidup saya "
                "adalah milik saya. Orang lain boleh bertanya, tetapi saya tidak "
                "berutang penjelasan lengkap kepada siapa pun. Seorang suster di paroki "
                "kami menyarankan agar saya menyiapkan beberapa jawaban pendek, sesuai "
                "seberapa dekat saya dengan orang yang bertanya.",
            ),
            (
                "key_points",
                "Tiga lapis jawaban",
                [
                    'Untuk orang yang baru dikenal: "Kami bertiga saja di rumah, Bu." '
                    "Lalu alihkan pembicaraan.",
                    'Untuk kerabat yang ingin tahu: "Kami sudah berpisah. Saya belum '
                    'ingin membahasnya, tapi terima kasih sudah peduli."',
                    "Untuk sahabat yang kamu percaya: ceritakan sebanyak yang kamu mau, "
                    "kapan pun kamu siap.",
                ],
            ),
            (
                "paragraph",
                "Jawaban-jawaban itu saya latih di depan cermin, sungguh. Awalnya "
                "terasa konyol. Tetapi ketika pertanyaan itu datang lagi di acara "
                "keluarga, kalimatnya sudah siap di ujung lidah, dan saya tidak perlu "
                "gemetar mencari kata.",
            ),
            ("heading", "Menyiapkan anak"),
            (
                "paragraph",
                "Dengan si sulung, yang waktu itu berusia delapan tahun, kami membuat "
                'kesepakatan. Ia boleh menjawab "Tanya saja ke Mama" kalau ada yang '
                "bertanya dan ia tidak ingin menjawab. Kalimat sederhana itu membuatnya "
                "merasa punya pegangan. Kami juga sepakat bahwa apa pun yang orang "
                "katakan tentang keluarga kami, ia boleh menceritakannya kepada saya "
                "tanpa takut saya marah.",
            ),
            (
                "pull_quote",
                "Cerita hidup saya adalah milik saya. Orang boleh bertanya, tetapi saya "
                "tidak berutang penjelasan lengkap kepada siapa pun.",
                "",
            ),
            (
                "paragraph",
                "Sekarang, empat tahun kemudian, pertanyaan itu jarang datang. Mungkin "
                "orang sudah terbiasa, mungkin juga saya yang tidak lagi terlihat "
                "terluka ketika mendengarnya. Keluarga kami memang kecil, tetapi utuh "
                "dengan caranya sendiri.",
            ),
        ],
    ),
    Article(
        slug="lingkaran-kecil-grup-whatsapp",
        title="Lingkaran kecil yang menyelamatkan: cerita grup WhatsApp kami",
        category="dukungan-emosional",
        standfirst=(
            "Berawal dari tujuh orang yang saling berbalas komentar, kini ratusan ibu "
            "saling menguatkan setiap hari. Beginilah kami menjaga ruang itu tetap "
            "hangat."
        ),
        excerpt=(
            "Bagaimana sebuah grup WhatsApp kecil tumbuh menjadi komunitas saling "
            "dukung, dan kesepakatan sederhana yang menjaganya tetap aman."
        ),
        tags=["komunitas", "whatsapp", "teman"],
        credits=[
            ("fitri-handayani", WRITER),
            ("ratna-wulandari", WRITER),
            ("sekar-ayu-pramesti", ILLUSTRATOR),
        ],
        hero=Picture(
            "circle_friends",
            "teduh",
            "Ilustrasi lima perempuan berdiri berjajar di bawah matahari besar. "
            "Dua di antaranya mengangkat ponsel, dan hati-hati warna-warni melayang "
            "di atas mereka.",
            seed=4,
        ),
        days_ago=48,
        featured=True,
        body=[
            (
                "paragraph",
                "Grup ini lahir tanpa rencana. Pada suatu malam, beberapa dari kami "
                "berbalas komentar di unggahan seorang kawan tentang susahnya mengurus "
                "akta kelahiran anak tanpa kehadiran ayahnya. Obrolan itu terlalu "
                "panjang untuk kolom komentar, jadi Fitri membuat grup WhatsApp. "
                "Anggota pertamanya tujuh orang. Tidak ada yang menyangka grup itu akan "
                "bertahan, apalagi berkembang.",
                "Sekarang grup itu sudah dipecah menjadi beberapa grup per wilayah, dan "
                "Serambi menjadi tempat kami menyimpan cerita-cerita yang terlalu "
                "berharga untuk tenggelam di antara pesan harian. Kami menulis tulisan "
                "ini berdua untuk berbagi apa yang kami pelajari selama menjaga ruang "
                "itu.",
            ),
            ("heading", "Aturannya sedikit, tetapi dijaga"),
            (
                "paragraph",
                "Di awal, kami tidak punya aturan apa pun. Lalu suatu hari seorang "
                "anggota membagikan tangkapan layar curhatan anggota lain ke media "
                "sosial. Niatnya membela, tetapi akibatnya menyakitkan. Sejak itu kami "
                "sepakat pada beberapa hal dasar, dan kami mengingatkannya setiap kali "
                "ada anggota baru.",
            ),
            (
                "key_points",
                "Kesepakatan grup kami",
                [
                    "Apa yang diceritakan di grup, tinggal di grup. Tidak ada tangkapan "
                    "layar.",
                    "Dengarkan dulu; beri saran hanya kalau diminta.",
                    "Tidak ada jualan, kecuali di hari Jumat yang memang kami khususkan "
                    "untuk usaha anggota.",
                    "Boleh diam dan hanya membaca. Tidak ada yang wajib aktif.",
                    "Kalau ada anggota yang tampak dalam bahaya, pengurus menghubunginya "
                    "lewat pesan pribadi.",
                ],
            ),
            (
                "image",
                Picture(
                    "porch_gathering",
                    "tanah",
                    "Ilustrasi tiga perempuan duduk berjajar di teras rumah beratap "
                    "genteng, dengan cangkir-cangkir teh di meja kayu di depan mereka.",
                    seed=14,
                ),
                "Pertemuan darat pertama kami, di teras rumah seorang anggota.",
            ),
            ("heading", "Yang kami dapat dari satu sama lain"),
            (
                "paragraph",
                "Ratna masih ingat pesan pertama yang ia kirim ke grup: pertanyaan "
                "tentang cara mengurus surat keterangan tidak mampu untuk beasiswa "
                "anaknya. Dalam setengah jam, ada lima balasan, lengkap dengan foto "
                "formulir dan nama petugas kelurahan yang ramah. Bagi Fitri, momen yang "
                "paling membekas adalah ketika seorang anggota yang setahun penuh hanya "
                'membaca akhirnya menulis, <i>"Terima kasih. Saya bertahan karena '
                'membaca cerita kalian."</i>',
            ),
            (
                "pull_quote",
                "Terima kasih. Saya bertahan karena membaca cerita kalian.",
                "Seorang anggota yang setahun hanya membaca",
            ),
            (
                "paragraph",
                "Grup ini tidak menggantikan keluarga, psikolog, atau pengacara. Tetapi "
                "grup ini mengingatkan kami bahwa ada orang lain yang sedang berjalan di "
                "jalan yang sama, kadang beberapa langkah di depan, kadang beberapa "
                "langkah di belakang. Kalau kamu ingin bergabung, tautannya ada di "
                "bagian bawah setiap halaman Serambi.",
            ),
            (
                "callout",
                "Menjaga privasi",
                "<p>Sebelum bergabung dengan grup mana pun, periksa pengaturan privasi "
                "WhatsApp-mu: siapa yang bisa melihat foto profil, status, dan nomor "
                "teleponmu. Kamu boleh memakai nama panggilan.</p>",
            ),
        ],
    ),
    Article(
        slug="menjelaskan-perpisahan-kepada-anak",
        title="Menjelaskan perpisahan kepada anak, sesuai usianya",
        content_note="perceraian",
        category="mengasuh-anak-sendiri",
        standfirst=(
            "Tidak ada kalimat sempurna untuk memberi tahu anak bahwa orang tuanya "
            "berpisah. Tetapi ada kalimat yang lebih mudah dipahami, tergantung "
            "usianya."
        ),
        excerpt=(
            "Catatan dari pengalaman sendiri dan obrolan dengan guru BK: apa yang bisa "
            "dikatakan kepada balita, anak SD, dan remaja."
        ),
        tags=["anak", "perceraian", "percakapan"],
        credits=[
            ("maria-fransiska-lamanepa", WRITER),
            ("intan-permatasari", ILLUSTRATOR),
        ],
        hero=Picture(
            "bench_talk",
            "tanah",
            "Ilustrasi seorang ibu dan anaknya duduk di bangku kayu di bawah pohon "
            "rindang saat matahari terbenam, dengan balon percakapan di atas mereka.",
            seed=5,
        ),
        days_ago=63,
        body=[
            (
                "paragraph",
                "Ketika saya dan ayahnya berpisah, si sulung berusia delapan tahun dan "
                "adiknya baru tiga. Saya membaca banyak artikel, dan hampir semuanya "
                'berkata "jelaskan dengan jujur sesuai usia anak". Nasihat yang benar, '
                "tetapi saya tetap bingung: jujur yang seperti apa, untuk usia berapa?",
                "Tulisan ini bukan panduan ahli. Ini catatan dari apa yang saya coba, "
                "apa yang gagal, dan apa yang saya pelajari dari guru BK di sekolah "
                "anak saya yang sabar sekali mendengarkan.",
            ),
            ("heading", "Untuk balita: singkat, konkret, diulang"),
            (
                "paragraph",
                "Anak usia tiga sampai lima tahun belum memahami arti perpisahan, "
                "tetapi ia sangat merasakan perubahan rutinitas. Yang ia butuhkan "
                "adalah kepastian tentang hal-hal konkret: siapa yang menemaninya "
                "tidur, di mana mainannya, kapan ia bertemu ayahnya. Saya memakai "
                'kalimat yang sama berulang-ulang: "Ayah dan Mama sekarang tinggal di '
                "rumah yang berbeda. Kami berdua tetap sayang kamu. Mama yang menemani "
                'kamu tidur." Ia bertanya hal yang sama berkali-kali, dan itu wajar.',
            ),
            ("heading", "Untuk anak SD: jawab pertanyaannya, jangan lebih"),
            (
                "paragraph",
                'Anak usia sekolah dasar mulai bertanya "kenapa". Di usia ini, banyak '
                "anak diam-diam mengira perpisahan orang tuanya adalah kesalahannya. "
                "Maka kalimat terpenting yang perlu ia dengar, berkali-kali, adalah: ini "
                "bukan karena kamu. Jawab pertanyaannya dengan jujur, tetapi tidak perlu "
                "membeberkan urusan orang dewasa. Kalau ia bertanya sesuatu yang belum "
                'bisa kamu jawab, katakan saja, "Mama perlu memikirkan cara '
                'menjelaskannya. Kita bicara lagi besok, ya." Lalu tepati.',
            ),
            ("heading", "Untuk remaja: ajak bicara, jangan diceramahi"),
            (
                "paragraph",
                "Bagian ini saya pelajari belakangan, ketika si sulung masuk SMP dan "
                "mulai bertanya lagi dengan cara yang berbeda. Ternyata ia sudah "
                "menduga banyak hal sejak lama. Yang membuatnya marah bukan "
                "perpisahannya, melainkan merasa tidak dianggap cukup dewasa untuk "
                "diajak bicara. Dengan remaja, saya belajar lebih banyak mendengar dan "
                "mengakui perasaannya, termasuk rasa marahnya kepada saya.",
            ),
            (
                "key_points",
                "Yang sebaiknya dihindari di semua usia",
                [
                    "Menjelekkan ayahnya di depan anak, walaupun kita sedang sangat "
                    "kecewa.",
                    "Menjadikan anak pembawa pesan antara kedua orang tua.",
                    "Meminta anak memilih pihak.",
                    'Menjanjikan hal yang belum pasti, seperti "nanti Ayah pulang '
                    'lagi".',
                ],
            ),
            (
                "pull_quote",
                "Kalimat terpenting yang perlu didengar anak, berkali-kali: ini bukan "
                "karena kamu.",
                "",
            ),
            (
                "paragraph",
                "Percakapan ini tidak terjadi sekali. Ia terjadi puluhan kali, di meja "
                "makan, di atas motor, menjelang tidur. Tidak apa-apa kalau kita tidak "
                "selalu menemukan kata yang tepat. Anak lebih mengingat bahwa kita mau "
                "mendengarkan daripada kalimat persis yang kita ucapkan.",
            ),
            (
                "callout",
                "Butuh bantuan profesional?",
                "<p>Jika anak menunjukkan perubahan yang berlangsung lama, misalnya "
                "sulit tidur, menarik diri, atau nilainya turun drastis, bicarakan "
                "dengan guru BK atau psikolog anak. Sebagian puskesmas dan biro "
                "psikologi kampus menyediakan layanan dengan biaya terjangkau.</p>",
            ),
        ],
    ),
    Article(
        slug="pagi-tanpa-teriakan",
        title="Pagi tanpa teriakan: rutinitas yang menyelamatkan kami",
        category="mengasuh-anak-sendiri",
        standfirst=(
            "Dulu setiap pagi adalah perang kecil. Sekarang masih ada drama, tetapi "
            "jauh lebih sedikit. Rahasianya ada di malam sebelumnya."
        ),
        excerpt=(
            "Rutinitas pagi yang realistis untuk ibu yang harus mengantar anak sekolah "
            "lalu berangkat kerja sendirian."
        ),
        tags=["rutinitas", "anak", "sekolah"],
        credits=[("ratna-wulandari", WRITER), ("sekar-ayu-pramesti", ILLUSTRATOR)],
        hero=Picture(
            "morning_kitchen",
            "pagi",
            "Ilustrasi dapur di pagi hari: matahari terbit terlihat dari jendela, jam "
            "dinding, dua cangkir, kotak bekal biru, dan buah-buahan di meja.",
            seed=6,
        ),
        days_ago=77,
        featured=True,
        body=[
            (
                "paragraph",
                "Pukul 06.15. Seragam belum ketemu, bekal belum disiapkan, si bungsu "
                "masih di kamar mandi bermain busa sabun, dan ojek daring yang saya "
                "pesan sudah menunggu di mulut gang. Saya berteriak. Anak saya menangis. "
                "Kami berangkat dengan perasaan buruk, dan perasaan itu menempel sampai "
                "siang.",
                "Adegan itu terulang hampir setiap hari selama setahun pertama saya "
                "menjadi ibu tunggal. Saya lelah, anak-anak juga. Lalu seorang anggota "
                "komunitas berbagi kalimat yang mengubah cara saya melihat pagi: pagi "
                "yang tenang dimulai jam delapan malam.",
            ),
            ("heading", "Pindahkan kerepotan ke malam hari"),
            (
                "paragraph",
                "Hampir semua yang membuat pagi kacau sebenarnya bisa disiapkan malam "
                "sebelumnya. Maka sekarang, setelah makan malam, kami punya lima belas "
                'menit yang kami sebut "jam siap-siap". Si bungsu yang berusia tujuh '
                "tahun menyiapkan seragam dan tasnya sendiri, kakaknya mengisi botol "
                "minum, dan saya menyiapkan bahan bekal. Kami melakukannya sambil "
                "memutar lagu yang sama setiap malam, supaya terasa seperti permainan.",
            ),
            (
                "key_points",
                "Daftar jam siap-siap kami",
                [
                    "Seragam, kaus kaki, dan sepatu diletakkan di satu kursi yang sama.",
                    "Tas sekolah diisi sesuai jadwal pelajaran dan ditaruh di dekat "
                    "pintu.",
                    "Bahan bekal sudah dipotong dan disimpan di kulkas.",
                    "Ponsel, kunci motor, dan dompet di satu mangkuk di meja depan.",
                    "Buku penghubung ditandatangani malam ini, bukan besok pagi.",
                ],
            ),
            (
                "image",
                Picture(
                    "uniform_chair",
                    "pagi",
                    "Ilustrasi kursi kayu dengan seragam sekolah terlipat rapi dan "
                    "dasi merah di atasnya, sepasang sepatu hitam di bawahnya, dan tas "
                    "ransel biru di sampingnya.",
                    seed=16,
                ),
                "Kursi seragam: satu tempat untuk semua yang dibutuhkan besok pagi.",
            ),
            ("heading", "Gambar, bukan perintah"),
            (
                "paragraph",
                "Si bungsu belum lancar membaca ketika kami mulai, jadi saya "
                "menggambar urutan pagi di selembar kertas: bangun, kamar mandi, pakai "
                "baju, sarapan, pakai sepatu. Kertas itu ditempel di pintu kamar. "
                'Alih-alih berkata "cepat pakai baju!" untuk kesepuluh kalinya, saya '
                'cukup bertanya, "Sekarang gambar yang mana?" Ia senang mencentangnya '
                "sendiri, dan saya tidak perlu menjadi alarm berjalan.",
            ),
            ("pull_quote", "Pagi yang tenang dimulai jam delapan malam.", ""),
            (
                "paragraph",
                "Tentu saja masih ada pagi yang berantakan. Ada hari ketika anak saya "
                "tiba-tiba ingat harus membawa kardus bekas untuk prakarya, atau ketika "
                "saya sendiri bangun kesiangan. Di hari-hari seperti itu, saya berusaha "
                "mengingat bahwa terlambat lima menit bukan bencana, tetapi berangkat "
                "dengan hati yang terluka bisa terasa seharian. Kadang lebih baik "
                "terlambat sedikit dan memeluk anak dulu di depan gerbang sekolah.",
            ),
        ],
    ),
    Article(
        slug="tidak-harus-menjadi-ayah-sekaligus-ibu",
        title="Tidak harus menjadi ayah sekaligus ibu",
        category="mengasuh-anak-sendiri",
        standfirst=(
            'Kalimat "kamu harus jadi ayah sekaligus ibu" terdengar seperti pujian. '
            "Bagi saya, kalimat itu justru beban yang tidak perlu saya pikul."
        ),
        excerpt=(
            "Anak tidak butuh ibu yang berpura-pura menjadi dua orang. Ia butuh satu "
            "orang dewasa yang hadir dan cukup."
        ),
        tags=["pengasuhan", "anak", "harapan"],
        credits=[("bunda-senja", WRITER), ("laras-kinanti", ILLUSTRATOR)],
        hero=Picture(
            "walk_together",
            "pagi",
            "Ilustrasi seorang ibu berkerudung berjalan bergandengan dengan anaknya "
            "di jalan setapak di antara bukit dan pepohonan, sementara layang-layang "
            "terbang di langit.",
            seed=7,
        ),
        days_ago=92,
        body=[
            (
                "paragraph",
                "Sejak hari pertama saya mengurus anak sendirian, kalimat itu datang "
                "dari mana-mana. Dari kerabat, dari teman kantor, bahkan dari "
                'penceramah di pengajian: "Sekarang kamu harus jadi ayah sekaligus '
                'ibu, ya." Maksudnya baik, saya tahu. Tetapi setiap kali mendengarnya, '
                "saya merasa tugas saya bertambah dua kali lipat, padahal tenaga saya "
                "tidak.",
                "Saya mencoba. Saya belajar mengganti sekring, menemani anak laki-laki "
                "saya bermain bola dengan kaki yang kikuk, dan berusaha tegas seperti "
                "yang saya bayangkan seorang ayah akan tegas. Hasilnya? Saya "
                "kelelahan, dan anak saya bingung kenapa bundanya sekarang jadi galak.",
            ),
            ("heading", "Yang sebenarnya anak butuhkan"),
            (
                "paragraph",
                "Suatu hari, wali kelas anak saya mengatakan sesuatu yang membuat saya "
                'berhenti. Katanya, anak saya sering bercerita tentang "masak nasi '
                'goreng sama Bunda" dan "baca buku sebelum tidur". Tidak sekali pun '
                "ia bercerita tentang bola. Anak saya tidak sedang menunggu saya menjadi "
                "orang lain. Ia sudah bahagia dengan hal-hal yang memang saya lakukan "
                "dengan sepenuh hati.",
                "Anak memang membutuhkan teladan dan kasih sayang dari banyak orang. "
                "Tetapi itu tidak berarti semuanya harus datang dari saya. Kakek yang "
                "mengajaknya memancing, paman yang mengajarinya menambal ban sepeda, "
                "guru mengaji yang sabar: mereka semua bagian dari kampung kecil yang "
                "ikut membesarkan anak saya.",
            ),
            (
                "pull_quote",
                "Anak saya tidak sedang menunggu saya menjadi orang lain.",
                "",
            ),
            (
                "key_points",
                "Yang saya lakukan sekarang",
                [
                    "Mengenali hal yang saya sukai dan kuasai bersama anak, lalu "
                    "melakukannya lebih sering.",
                    "Membiarkan orang dewasa lain yang bisa dipercaya mengisi peran yang "
                    "bukan keahlian saya.",
                    "Berhenti membandingkan keluarga kami dengan keluarga yang lengkap.",
                    'Mengatakan "Bunda tidak tahu, ayo cari tahu bersama" tanpa '
                    "merasa gagal.",
                ],
            ),
            (
                "paragraph",
                "Ada satu hal lagi yang saya pelajari: anak laki-laki saya tetap butuh "
                "melihat laki-laki dewasa yang baik. Saya tidak bisa menjadi contoh "
                "itu, tetapi saya bisa memastikan ia punya kesempatan bertemu "
                "dengannya. Kami lebih sering berkunjung ke rumah kakek di akhir pekan, "
                "dan saya tidak lagi menolak ketika paman-pamannya mengajaknya ikut "
                "memperbaiki genteng atau menonton pertandingan voli di lapangan desa.",
                "Saya bukan ayah, dan saya tidak perlu menjadi ayah. Saya ibu yang "
                "kebetulan mengurus anak-anaknya sendirian, dengan bantuan banyak orang "
                "baik di sekitar kami. Ternyata, satu orang dewasa yang hadir dan cukup "
                "sudah sangat berarti bagi seorang anak.",
            ),
        ],
    ),
    Article(
        slug="warung-pecel-dan-tiga-anak",
        title="Warung pecel dan tiga anak: cerita Bu Sri",
        category="kerja-dan-keuangan",
        standfirst=(
            "Dua puluh tahun berjualan pecel di pinggir jalan di Madiun, Bu Sri "
            "menyekolahkan tiga anaknya sampai lulus. Ia menulis ceritanya dalam "
            "bahasa Jawa; kami menerjemahkannya."
        ),
        excerpt=(
            "Cerita seorang ibu yang membesarkan tiga anak dari warung pecel, "
            "diterjemahkan dari bahasa Jawa."
        ),
        tags=["usaha kecil", "warung", "ketekunan"],
        credits=[
            ("sri-rahayu", WRITER),
            ("fitri-handayani", TRANSLATOR),
            ("intan-permatasari", ILLUSTRATOR),
        ],
        hero=Picture(
            "warung",
            "tanah",
            "Ilustrasi warung pecel dengan tenda bergaris merah putih. Seorang ibu "
            "berkerudung berdiri di balik meja yang penuh baskom sayur dan sambal.",
            seed=8,
        ),
        days_ago=108,
        body=[
            (
                "paragraph",
                "Saya mulai berjualan pecel pada tahun suami saya meninggal. Anak "
                "sulung saya waktu itu kelas empat SD, yang tengah baru masuk TK, dan "
                "si bungsu masih menyusu. Modal saya hanya satu cobek besar peninggalan "
                "ibu, dua panci, dan sebuah meja kayu yang saya pinjam dari tetangga.",
                "Hari pertama, saya hanya menjual sebelas bungkus. Saya pulang dengan "
                "sambal yang masih tersisa setengah baskom dan menangis di dapur. "
                "Tetapi pagi berikutnya saya berangkat lagi, karena tidak ada pilihan "
                "lain. Lama-lama, orang-orang yang lewat mulai mampir. Tukang becak, "
                "guru-guru SD di seberang jalan, pegawai kecamatan. Kata mereka, sambal "
                "saya pas, tidak terlalu manis.",
            ),
            ("heading", "Bangun jam tiga pagi"),
            (
                "paragraph",
                "Selama dua puluh tahun, saya bangun jam tiga pagi. Merebus sayur, "
                "menggoreng peyek, menumbuk kacang untuk sambal. Anak sulung saya, "
                "sejak SMP, ikut membantu sebelum berangkat sekolah. Dulu saya sering "
                "merasa bersalah karena ia harus bekerja sepagi itu. Sekarang, setelah "
                "ia sendiri punya anak, ia bilang jam-jam di dapur itulah yang paling ia "
                "rindukan.",
            ),
            (
                "pull_quote",
                "Uang sekolah tidak pernah saya campur dengan uang belanja. Sekecil apa "
                "pun, uang itu punya kalengnya sendiri.",
                "Bu Sri",
            ),
            ("heading", "Kaleng-kaleng biskuit"),
            (
                "paragraph",
                "Saya tidak mengerti pembukuan. Yang saya punya hanyalah kaleng-kaleng "
                "biskuit bekas di bawah tempat tidur. Satu untuk belanja bahan, satu "
                "untuk uang sekolah, satu untuk listrik dan air, satu untuk berjaga-jaga "
                "kalau ada yang sakit. Setiap sore, hasil jualan saya bagi ke kaleng-"
                "kaleng itu sebelum saya memakai sepeser pun untuk yang lain.",
                "Ada masa-masa sulit. Harga cabai naik tiga kali lipat, warung sepi "
                "karena jalan diperbaiki berbulan-bulan, dan suatu tahun saya terkena "
                "tifus selama dua minggu. Di masa seperti itu, tetangga dan pelanggan "
                "tetaplah yang menolong. Ada yang meminjamkan uang tanpa bunga, ada "
                "yang menggantikan saya berjualan selama saya dirawat.",
                "Sekarang anak sulung saya bekerja di bank, yang tengah menjadi perawat, "
                "dan si bungsu baru lulus kuliah. Warung pecel itu masih ada. Saya "
                "masih berjualan, walaupun tidak lagi sejak subuh. Kata anak-anak, sudah "
                "waktunya saya beristirahat. Kata saya, selama masih ada yang mencari "
                "sambal yang tidak terlalu manis, saya akan tetap di sini.",
            ),
            (
                "callout",
                "Catatan penerjemah",
                "<p>Tulisan ini aslinya ditulis tangan oleh Bu Sri dalam bahasa Jawa "
                "dan dibacakan di pertemuan komunitas. Kami menerjemahkannya sedekat "
                "mungkin dengan gaya bertuturnya, dengan izin dan pemeriksaan "
                "beliau.</p>",
            ),
        ],
    ),
    Article(
        slug="anggaran-amplop",
        title="Anggaran amplop: cara lama yang masih ampuh",
        category="kerja-dan-keuangan",
        standfirst=(
            "Aplikasi keuangan datang dan pergi, tetapi amplop-amplop di laci tetap "
            "menjadi cara paling jujur untuk tahu sisa uang bulan ini."
        ),
        excerpt=(
            "Cara membagi gaji ke dalam amplop, versi tunai maupun digital, untuk ibu "
            "yang mengatur uang sendirian."
        ),
        tags=["keuangan", "anggaran", "tips"],
        credits=[("yohana-siregar", WRITER), ("intan-permatasari", ILLUSTRATOR)],
        hero=Picture(
            "budget",
            "teduh",
            "Ilustrasi buku catatan anggaran yang terbuka, sebatang pensil, "
            "kalkulator, tumpukan koin, dan tanaman dalam pot di atas meja.",
            seed=9,
        ),
        days_ago=124,
        featured=True,
        body=[
            (
                "paragraph",
                "Sebagai akuntan, saya sering ditanya aplikasi apa yang paling bagus "
                "untuk mencatat pengeluaran. Jawaban jujur saya selalu mengecewakan: "
                "aplikasi yang paling bagus adalah yang benar-benar kamu pakai. Dan bagi "
                "banyak ibu yang saya kenal, termasuk saya sendiri di tahun-tahun awal "
                "bercerai, yang benar-benar terpakai justru amplop.",
                "Caranya sederhana sekali. Begitu gaji atau pemasukan lain masuk, uang "
                "itu langsung dibagi ke beberapa amplop sesuai pos pengeluarannya. Kalau "
                "amplop makan habis sebelum akhir bulan, kita tahu persis di mana "
                "masalahnya, dan kita tidak bisa diam-diam mengambil dari amplop sekolah "
                "tanpa menyadarinya.",
            ),
            ("heading", "Menentukan amplop"),
            (
                "paragraph",
                "Mulailah dari pengeluaran yang pasti: sewa rumah atau cicilan, listrik "
                "dan air, uang sekolah, transportasi. Setelah itu kebutuhan yang "
                "berubah-ubah tetapi rutin: makan, sabun dan sampo, pulsa. Terakhir, dan "
                "ini yang sering dilupakan, amplop untuk hal-hal yang datang setahun "
                "sekali: seragam baru, buku pelajaran, kondangan, Lebaran atau Natal.",
            ),
            (
                "key_points",
                "Contoh pembagian amplop",
                [
                    "Rumah: sewa, listrik, air, gas.",
                    "Dapur: beras, lauk, sayur, jajan anak.",
                    "Sekolah: SPP, les, uang saku, fotokopi.",
                    "Jalan: bensin, ojek, ongkos angkot.",
                    "Tahunan: sisihkan sedikit tiap bulan untuk seragam, buku, dan hari "
                    "raya.",
                    "Darurat: sekecil apa pun, tetap ada.",
                ],
            ),
            (
                "image",
                Picture(
                    "envelopes",
                    "pagi",
                    "Ilustrasi enam amplop warna-warni berjajar, masing-masing dengan "
                    "label putih, dan tumpukan koin di bawahnya.",
                    seed=19,
                ),
                "Amplop boleh sederhana. Yang penting setiap rupiah punya tempat.",
            ),
            ("heading", "Versi digital"),
            (
                "paragraph",
                "Sekarang banyak gaji masuk ke rekening, dan belanja pun dibayar lewat "
                "dompet digital. Amplop tetap bisa dipakai. Sebagian bank menyediakan "
                "fitur kantong atau sub-rekening yang bisa diberi nama. Kalau bankmu "
                "tidak punya fitur itu, catatan sederhana di buku tulis pun cukup: tulis "
                "saldo setiap amplop, lalu kurangi setiap kali berbelanja.",
            ),
            (
                "pull_quote",
                "Aplikasi keuangan yang paling bagus adalah yang benar-benar kamu pakai.",
                "",
            ),
            (
                "paragraph",
                "Satu nasihat terakhir: jangan menghukum diri sendiri kalau ada amplop "
                "yang jebol. Di bulan pertama, hampir semua perkiraan kita meleset. "
                "Anggaran bukan ujian yang harus lulus, melainkan peta yang kita "
                "perbaiki sedikit demi sedikit. Setelah tiga bulan, kamu akan tahu "
                "angka yang sebenarnya, dan rasa cemas setiap akhir bulan biasanya "
                "mulai berkurang.",
            ),
        ],
    ),
    Article(
        slug="kembali-bekerja-setelah-lama-di-rumah",
        title="Kembali bekerja setelah bertahun-tahun di rumah",
        category="kerja-dan-keuangan",
        standfirst=(
            "Delapan tahun saya tidak bekerja di luar rumah. Ketika harus mencari "
            "nafkah sendiri, yang paling sulit ternyata bukan mencari lowongan, "
            "melainkan percaya bahwa saya masih mampu."
        ),
        excerpt=(
            "Dari CV dengan jeda delapan tahun sampai wawancara pertama: pengalaman "
            "kembali ke dunia kerja sebagai ibu tunggal."
        ),
        tags=["pekerjaan", "percaya diri", "cv"],
        credits=[
            ("ratna-wulandari", WRITER),
            ("laras-kinanti", ILLUSTRATOR),
            ("fitri-handayani", EDITOR),
        ],
        hero=Picture(
            "work_desk",
            "senja",
            "Ilustrasi seorang perempuan duduk di depan laptop di meja kerja, dengan "
            "secangkir teh, tanaman dalam pot, dan jendela yang menghadap gedung-"
            "gedung kota.",
            seed=10,
        ),
        days_ago=141,
        body=[
            (
                "paragraph",
                "Saya berhenti bekerja sebagai staf administrasi ketika hamil anak "
                "pertama. Waktu itu rasanya keputusan yang wajar. Delapan tahun "
                "kemudian, dengan dua anak dan status baru sebagai ibu tunggal, saya "
                "duduk di depan laptop pinjaman, membuka templat CV, dan tidak tahu "
                "harus menulis apa di bagian pengalaman kerja.",
            ),
            ("heading", "Jeda di CV bukan kekosongan dalam diri kita"),
            (
                "paragraph",
                "Hal pertama yang saya pelajari: tahun-tahun di rumah bukan tahun "
                "kosong. Selama itu saya mengelola keuangan rumah tangga, menjadi "
                "bendahara arisan RT selama tiga tahun, membantu mengatur jadwal "
                "posyandu, dan ikut mengurus usaha katering kakak ipar saat pesanan "
                "ramai. Semua itu pengalaman nyata. Seorang teman di komunitas membantu "
                "saya menuliskannya dengan bahasa yang dipahami perekrut.",
            ),
            (
                "key_points",
                "Cara menulis masa jeda di CV",
                [
                    'Tulis masa jeda dengan jujur, misalnya "Mengasuh anak, '
                    '2015–2023", tanpa meminta maaf.',
                    "Cantumkan kegiatan yang relevan: bendahara, pengurus, usaha kecil, "
                    "relawan.",
                    "Sebutkan keterampilan yang kamu asah, seperti mengatur anggaran, "
                    "bernegosiasi, atau mengoordinasi orang.",
                    "Ikuti satu atau dua pelatihan singkat, banyak yang gratis, untuk "
                    "menunjukkan bahwa kamu mengikuti perkembangan.",
                ],
            ),
            ("heading", "Wawancara pertama"),
            (
                "paragraph",
                "Wawancara pertama saya berantakan. Saya terlalu banyak meminta maaf, "
                "terlalu cepat menyebut bahwa saya ibu tunggal, dan terlalu cepat "
                "berkata bersedia digaji berapa saja. Saya tidak diterima. Wawancara "
                "ketiga jauh lebih baik, karena sebelumnya saya berlatih dengan Fitri, "
                "yang berpura-pura menjadi manajer HRD galak di ruang tamunya.",
                "Soal status, kamu tidak wajib menceritakannya. Yang perlu dibicarakan "
                "adalah hal-hal praktis, misalnya jam kerja dan kemungkinan lembur, "
                "supaya kamu bisa mengatur pengasuhan anak. Pertanyaan seperti itu "
                "justru menunjukkan bahwa kamu serius dan sudah memikirkan semuanya.",
            ),
            (
                "pull_quote",
                "Tahun-tahun di rumah bukan tahun kosong. Semua itu pengalaman nyata.",
                "",
            ),
            (
                "paragraph",
                "Sekarang saya bekerja sebagai staf keuangan di sebuah koperasi. "
                "Gajinya tidak besar, tetapi cukup, dan jam kerjanya memungkinkan saya "
                "menjemput anak-anak dua kali seminggu. Kalau kamu sedang menatap "
                "templat CV kosong seperti saya dulu, mulailah dengan menulis semua "
                "yang pernah kamu kerjakan, dibayar atau tidak. Daftarnya mungkin lebih "
                "panjang daripada yang kamu kira.",
            ),
            (
                "callout",
                "Tempat belajar gratis",
                "<p>Balai latihan kerja milik pemerintah dan perpustakaan umum sering "
                "mengadakan pelatihan komputer dan kewirausahaan tanpa biaya. Tanyakan "
                "jadwalnya di kantor kelurahan atau dinas tenaga kerja setempat.</p>",
            ),
        ],
    ),
    Article(
        slug="dana-darurat-dari-sepuluh-ribu",
        title="Dana darurat dimulai dari sepuluh ribu rupiah",
        category="kerja-dan-keuangan",
        standfirst=(
            'Saran "siapkan dana darurat enam kali pengeluaran" terdengar mustahil '
            "ketika gaji pas-pasan. Jadi mari mulai dari angka yang masuk akal."
        ),
        excerpt=(
            "Dana darurat tidak harus besar untuk mulai berguna. Cara menabung sedikit "
            "demi sedikit ketika pemasukan pas-pasan."
        ),
        tags=["dana darurat", "tabungan", "keuangan"],
        credits=[
            ("yohana-siregar", WRITER),
            ("sekar-ayu-pramesti", ILLUSTRATOR),
            ("fitri-handayani", EDITOR),
        ],
        hero=Picture(
            "coin_jar",
            "mawar",
            "Ilustrasi toples kaca berisi penuh koin dengan tunas hijau tumbuh dari "
            "tutupnya, di bawah matahari pagi.",
            seed=11,
        ),
        days_ago=158,
        body=[
            (
                "paragraph",
                "Banyak artikel keuangan menyarankan dana darurat sebesar enam sampai "
                "dua belas kali pengeluaran bulanan. Angka itu masuk akal di atas "
                "kertas, tetapi bagi ibu bergaji UMR dengan dua anak, angka itu bisa "
                "terasa seperti ejekan. Ketika targetnya terasa mustahil, kebanyakan "
                "dari kita memilih tidak mulai sama sekali.",
                "Maka saya ingin mengusulkan target yang lebih manusiawi: sepuluh ribu "
                "rupiah. Per hari, atau per minggu kalau itu pun terlalu berat. "
                "Tujuannya bukan langsung aman, melainkan membangun kebiasaan dan "
                "memiliki bantalan tipis untuk kejutan kecil.",
            ),
            ("heading", "Kenapa bantalan kecil pun penting"),
            (
                "paragraph",
                "Kebanyakan kejutan keuangan dalam rumah tangga sebenarnya tidak besar: "
                "ban motor bocor, anak harus ke dokter gigi, sepatu sekolah jebol di "
                "tengah semester. Tanpa cadangan, kejutan kecil seperti ini sering "
                "berujung pada pinjaman daring dengan bunga yang mencekik. Dengan "
                "cadangan lima ratus ribu saja, banyak dari kejutan itu bisa dilewati "
                "tanpa berutang.",
            ),
            (
                "key_points",
                "Langkah pertama yang realistis",
                [
                    "Pisahkan dana darurat dari rekening harian, supaya tidak terpakai "
                    "tanpa sadar.",
                    "Mulai dari target kecil, misalnya lima ratus ribu, lalu naikkan "
                    "setelah tercapai.",
                    "Masukkan sebagian uang kembalian, bonus, atau THR ke dana darurat.",
                    "Tentukan dulu apa yang disebut darurat: sakit, kerusakan yang "
                    "mengganggu kerja, kehilangan pemasukan. Diskon bukan darurat.",
                ],
            ),
            ("pull_quote", "Diskon bukan darurat.", "Yohana Siregar"),
            ("heading", "Kalau dana darurat terpakai"),
            (
                "paragraph",
                "Dana darurat memang dibuat untuk dipakai. Jangan merasa gagal ketika "
                "tabungan yang dikumpulkan berbulan-bulan habis dalam sehari karena "
                "anak harus dirawat. Justru itu tandanya tabungan itu bekerja. Setelah "
                "keadaan tenang, mulai isi lagi dari sepuluh ribu yang sama.",
                "Saya sendiri memulai dengan celengan bambu di atas lemari. Anak saya "
                "ikut memasukkan koin setiap hari Jumat. Tiga tahun kemudian, celengan "
                "itu sudah berganti menjadi rekening terpisah, tetapi kebiasaan hari "
                "Jumat itu masih kami jaga.",
            ),
            (
                "callout",
                "Hati-hati dengan pinjaman daring",
                "<p>Sebelum meminjam, periksa apakah penyedia pinjaman terdaftar dan "
                "diawasi OJK. Pinjaman ilegal sering menagih dengan cara yang "
                "mempermalukan, termasuk menghubungi kontak di ponselmu.</p>",
            ),
        ],
    ),
    Article(
        slug="lima-belas-menit-untuk-diri-sendiri",
        title="Lima belas menit untuk diri sendiri",
        category="merawat-diri",
        standfirst=(
            "Bukan spa, bukan liburan. Hanya lima belas menit setiap hari yang benar-"
            "benar milik saya, dan ternyata itu cukup untuk membuat saya tetap waras."
        ),
        excerpt=(
            "Merawat diri tidak harus mahal atau lama. Cerita tentang lima belas menit "
            "sehari yang dijaga sungguh-sungguh."
        ),
        tags=["merawat diri", "istirahat", "kesehatan mental"],
        credits=[("bunda-senja", WRITER), ("intan-permatasari", ILLUSTRATOR)],
        hero=Picture(
            "tea_porch",
            "pagi",
            "Ilustrasi seorang perempuan duduk santai di kursi kayu di teras sambil "
            "memegang cangkir teh yang mengepul, dikelilingi pot-pot tanaman hijau.",
            seed=12,
        ),
        days_ago=176,
        body=[
            (
                "paragraph",
                'Kalau mendengar kata "merawat diri", bayangan yang dulu muncul di '
                "kepala saya adalah perawatan di salon, liburan ke pantai, atau belanja "
                "baju baru. Semuanya terasa jauh dari kehidupan saya: ibu dua anak yang "
                "bekerja dari pagi sampai sore, lalu lanjut mengurus rumah sampai "
                "malam. Jadi saya menyimpulkan bahwa merawat diri bukan untuk orang "
                "seperti saya.",
                "Kesimpulan itu berubah ketika saya jatuh sakit selama seminggu. Bukan "
                "sakit parah, hanya kelelahan yang menumpuk. Dokter di puskesmas "
                "bertanya, kapan terakhir kali saya melakukan sesuatu untuk diri "
                "sendiri. Saya tidak bisa menjawab.",
            ),
            ("heading", "Memulai dari yang sangat kecil"),
            (
                "paragraph",
                "Saya memutuskan untuk memulai dari lima belas menit. Tidak lebih. Saya "
                "memilih waktunya setelah anak-anak berangkat sekolah dan sebelum saya "
                "mulai bekerja. Lima belas menit itu saya lindungi seperti jadwal "
                "rapat: tidak ada cucian, tidak ada ponsel, tidak ada pekerjaan.",
                "Isinya berganti-ganti. Kadang saya hanya duduk di teras dengan "
                "secangkir kopi dan memperhatikan burung gereja di kabel listrik. "
                "Kadang saya menyiram tanaman cabai di pot. Kadang saya meregangkan "
                "badan mengikuti gerakan senam yang sudah saya hafal. Yang penting "
                "bukan kegiatannya, melainkan rasa bahwa waktu itu milik saya.",
            ),
            (
                "image",
                Picture(
                    "pot_plants",
                    "teduh",
                    "Ilustrasi deretan pot tanaman cabai berbuah merah di teras yang "
                    "disinari matahari pagi, dengan gembor hijau di depannya.",
                    seed=22,
                ),
                "Pot-pot cabai di teras, teman lima belas menit pagi saya.",
            ),
            (
                "pull_quote",
                "Yang penting bukan kegiatannya, melainkan rasa bahwa waktu itu milik "
                "saya.",
                "",
            ),
            ("heading", "Rasa bersalah yang datang"),
            (
                "paragraph",
                "Di minggu-minggu awal, rasa bersalah datang setiap hari. Rasanya ada "
                "saja hal yang lebih penting untuk dikerjakan. Tetapi lama-lama saya "
                "melihat bedanya. Di hari ketika saya melewatkan lima belas menit itu, "
                "saya lebih mudah kesal. Di hari ketika saya menjaganya, saya lebih "
                "sabar kepada anak-anak, juga kepada diri sendiri.",
            ),
            (
                "key_points",
                "Ide lima belas menit tanpa biaya",
                [
                    "Duduk di luar rumah dan memperhatikan langit.",
                    "Menulis apa saja di buku harian, tanpa perlu rapi.",
                    "Berjalan kaki keliling kompleks atau gang.",
                    "Mendengarkan satu atau dua lagu favorit dengan mata terpejam.",
                    "Merawat tanaman, sekecil apa pun potnya.",
                ],
            ),
            (
                "paragraph",
                "Lima belas menit memang tidak menyelesaikan semua masalah. Tagihan "
                "tetap datang, anak-anak tetap bertengkar soal remot televisi. Tetapi "
                "lima belas menit itu mengingatkan saya setiap hari bahwa saya juga "
                "manusia, bukan sekadar mesin yang mengurus orang lain.",
            ),
        ],
    ),
    Article(
        slug="merawat-diri-yang-paling-dasar",
        title="Tidur, makan, minum air: merawat diri yang paling dasar",
        category="merawat-diri",
        standfirst=(
            "Sebelum bicara soal meditasi atau liburan, ada tiga hal sederhana yang "
            "paling sering dikorbankan ibu tunggal: tidur, makan, dan minum."
        ),
        excerpt=(
            "Tiga kebutuhan paling dasar yang sering kita abaikan, dan cara-cara kecil "
            "untuk mengembalikannya ke dalam hari."
        ),
        tags=["kesehatan", "tidur", "merawat diri"],
        credits=[("fitri-handayani", WRITER), ("fitri-handayani", ILLUSTRATOR)],
        hero=Picture(
            "rest",
            "senja",
            "Ilustrasi seseorang tidur nyenyak berselimut merah di tempat tidur. Di "
            "dinding ada jendela dengan bulan sabit, dan di meja kecil ada segelas "
            "air dan sepiring camilan.",
            seed=13,
        ),
        days_ago=195,
        body=[
            (
                "paragraph",
                "Sebagai pengurus komunitas, saya sering menerima pesan dari anggota "
                "yang merasa hidupnya berantakan. Setelah mengobrol sebentar, pola yang "
                "sama sering muncul: ia tidur kurang dari lima jam, makan siangnya sisa "
                "nasi anak, dan minum air putih hanya kalau ingat. Tidak heran semuanya "
                "terasa berat.",
                "Saya bukan dokter atau ahli gizi. Tulisan ini hanya pengingat dari "
                "sesama ibu bahwa tubuh kita adalah rumah yang kita tinggali setiap "
                "hari. Kalau rumahnya bocor di mana-mana, sulit untuk merasa tenang di "
                "dalamnya.",
            ),
            ("heading", "Tidur"),
            (
                "paragraph",
                "Ibu tunggal sering memakai malam sebagai satu-satunya waktu tenang, "
                "sehingga jam tidur terus mundur. Saya mengerti, saya pun begitu. "
                "Tetapi kurang tidur yang terus-menerus membuat emosi lebih mudah "
                "meledak dan pikiran sulit fokus. Cobalah memajukan jam tidur lima belas "
                "menit saja setiap minggu, dan letakkan ponsel di luar jangkauan tangan "
                "saat berbaring.",
            ),
            ("heading", "Makan"),
            (
                "paragraph",
                "Kita pandai memastikan anak makan sayur, tetapi sering lupa bahwa kita "
                "juga perlu makan dengan layak. Makan tidak harus mewah. Telur rebus, "
                "tempe, pisang, atau sebungkus nasi dengan lauk sederhana jauh lebih "
                "baik daripada melewatkan makan sama sekali. Siapkan camilan di tas "
                "kerja untuk hari-hari ketika makan siang terlewat.",
            ),
            ("heading", "Minum"),
            (
                "paragraph",
                "Sakit kepala di sore hari sering kali bukan karena stres, melainkan "
                "karena kurang minum. Saya menaruh botol minum besar di meja kerja dan "
                "mengisinya setiap pagi. Targetnya sederhana: botol itu harus kosong "
                "sebelum saya menjemput anak.",
            ),
            (
                "key_points",
                "Pengingat kecil",
                [
                    "Pasang alarm tidur, bukan hanya alarm bangun.",
                    "Makan sambil duduk, bukan sambil berdiri di dapur.",
                    "Isi botol minum setiap pagi dan bawa ke mana pun.",
                    "Kalau sedang sakit, beristirahatlah. Pekerjaan rumah bisa menunggu.",
                ],
            ),
            (
                "pull_quote",
                "Tubuh kita adalah rumah yang kita tinggali setiap hari.",
                "",
            ),
            (
                "paragraph",
                "Tidak ada yang sempurna dalam hal ini. Akan ada minggu-minggu ketika "
                "semua pengingat di atas terlupakan. Tidak apa-apa. Besok pagi, mulailah "
                "lagi dari segelas air putih.",
            ),
            (
                "callout",
                "Kapan perlu ke dokter",
                "<p>Lelah yang tidak hilang setelah beristirahat, berat badan yang turun "
                "tanpa sebab, atau sulit tidur berminggu-minggu sebaiknya diperiksakan "
                "ke puskesmas atau dokter. Peserta JKN dapat memeriksakan diri di "
                "fasilitas kesehatan tingkat pertama tempatnya terdaftar.</p>",
            ),
        ],
    ),
    Article(
        slug="surat-untuk-diriku-di-tahun-pertama",
        title="Surat untuk diriku di tahun pertama",
        category="merawat-diri",
        standfirst=(
            "Lima tahun lalu saya tidak percaya akan baik-baik saja. Kalau bisa "
            "mengirim surat ke masa itu, inilah yang ingin saya katakan."
        ),
        excerpt=(
            "Surat seorang ibu kepada dirinya sendiri di tahun pertama menjadi orang "
            "tua tunggal."
        ),
        tags=["surat", "harapan", "tahun pertama"],
        credits=[("ratna-wulandari", WRITER)],
        hero=None,
        days_ago=214,
        body=[
            (
                "paragraph",
                "<i>Untuk Ratna, di tahun pertama,</i>",
                "Aku tahu kamu sedang duduk di lantai kamar kontrakan yang catnya "
                "mengelupas, menghitung uang di dompet untuk ketiga kalinya malam ini. "
                "Aku tahu kamu takut. Takut tidak bisa membayar sewa bulan depan, takut "
                "anak-anak tumbuh dengan luka, takut tetangga membicarakanmu. Aku ingin "
                "kamu tahu bahwa sebagian ketakutan itu memang terjadi, dan kamu tetap "
                "baik-baik saja.",
                "Kamu memang akan terlambat membayar sewa, dua kali. Pemilik kontrakan "
                "akan marah, lalu memberi keringanan. Anak-anak memang akan sedih, dan "
                "si sulung akan diam berminggu-minggu. Tetapi suatu sore ia akan "
                'memelukmu tiba-tiba di dapur dan berkata, "Ibu hebat." Simpan kalimat '
                "itu baik-baik. Kamu akan membutuhkannya.",
            ),
            ("heading", "Hal-hal yang ingin kukatakan padamu"),
            (
                "paragraph",
                "Berhentilah meminta maaf atas hal-hal yang bukan salahmu. Berhentilah "
                "memeriksa media sosial mantan suamimu jam dua pagi. Makanlah nasi yang "
                "hangat, bukan sisa piring anak-anak. Dan ketika Bu Tini menawarkan "
                "bantuan, terimalah. Ia bersungguh-sungguh.",
                "Kamu akan menemukan sekelompok perempuan di sebuah grup WhatsApp yang "
                "awalnya kamu ikuti diam-diam. Mereka akan menjadi teman-teman "
                "terdekatmu. Kamu akan menulis, sesuatu yang tidak pernah kamu "
                "bayangkan, dan tulisanmu akan dibaca oleh ibu-ibu lain yang sedang "
                "duduk di lantai kamar mereka sendiri.",
                "Akan ada hari-hari ketika kamu merasa mundur lagi ke titik awal: saat "
                "anak sakit dan kamu harus izin kerja untuk ketiga kalinya bulan itu, "
                "atau saat undangan pernikahan sepupu datang dan kamu tahu semua orang "
                "akan bertanya. Hari-hari itu bukan tanda kamu gagal. Itu hanya hari "
                "yang berat, dan hari yang berat selalu berakhir.",
            ),
            (
                "pull_quote",
                "Sebagian ketakutan itu memang terjadi, dan kamu tetap baik-baik saja.",
                "",
            ),
            (
                "paragraph",
                "Hidupmu tidak akan kembali seperti dulu. Hidupmu akan menjadi sesuatu "
                "yang lain: lebih kecil dalam beberapa hal, lebih luas dalam banyak hal "
                "lainnya. Kamu akan tertawa lagi, sungguh-sungguh tertawa, sampai "
                "perutmu sakit.",
                "Bertahanlah. Bukan karena kamu harus kuat, tetapi karena hari-hari yang "
                "baik sedang menunggumu di depan.",
                "<i>Peluk dari dirimu sendiri, lima tahun kemudian.</i>",
            ),
        ],
    ),
]
